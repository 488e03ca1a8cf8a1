import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SegmentedControl } from "./segmented-control";

describe("SegmentedControl", () => {
  it("is a named radio group with the chosen option checked and the only tab stop", () => {
    const html = renderToStaticMarkup(
      createElement(SegmentedControl<number | null>, {
        label: "Seat for new items",
        caption: "Seat",
        value: 2,
        onChange: () => {},
        options: [
          { value: null, label: "All" },
          { value: 1, label: 1 },
          { value: 2, label: 2 },
        ],
      }),
    );
    expect(html).toContain('role="radiogroup" aria-label="Seat for new items"');
    expect(html.match(/role="radio"/g)).toHaveLength(3);
    expect(html.match(/aria-checked="true"/g)).toHaveLength(1);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-checked="true" tabindex="0"[^>]*>2</);
  });
});
