import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorPanel } from "./error-panel";

const render = (props: Partial<Parameters<typeof ErrorPanel>[0]>) =>
  renderToStaticMarkup(
    createElement(ErrorPanel, {
      what: "The floor",
      error: Object.assign(new Error("boom"), { digest: "abc123" }),
      retry: () => {},
      ...props,
    }),
  );

describe("ErrorPanel", () => {
  it("says what failed, quotes the reference and offers Try again, without the error's message", () => {
    const html = render({});
    expect(html).toContain("The floor could not be loaded.");
    expect(html).toContain("abc123");
    expect(html).toContain("Try again");
    expect(html).toContain('role="alert"');
    expect(html).not.toContain("boom");
  });

  it("counts down on screens that retry on their own", () => {
    expect(render({ autoRetrySeconds: 10, dark: true })).toContain("Trying again in 10 s.");
    expect(render({})).not.toContain("Trying again");
  });
});
