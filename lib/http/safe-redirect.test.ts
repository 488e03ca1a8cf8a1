import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-redirect";

const OWN = "https://kitchen.example";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths, query and hash", () => {
    expect(safeCallbackUrl("/admin/staff?x=1")).toBe("/admin/staff?x=1");
    expect(safeCallbackUrl("/floor/tables/t1#ticket")).toBe("/floor/tables/t1#ticket");
  });

  it("keeps an absolute URL of our own origin, as a path", () => {
    expect(safeCallbackUrl(`${OWN}/kitchen/grill?x=1`, OWN)).toBe("/kitchen/grill?x=1");
  });

  it.each([
    ["absolute other origin", "https://evil.example"],
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["backslash twice", "\\\\evil.example"],
    ["tab between slashes", "/\t/evil.example"],
    ["CR between slashes", "/\r/evil.example"],
    ["LF between slashes", "/\n/evil.example"],
    ["tab before the first slash", "\t//evil.example"],
    ["leading space", " //evil.example"],
    ["scheme with tab", "java\tscript:alert(1)"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,hi"],
    ["https with backslashes", "https:\\\\evil.example"],
    ["our origin's look-alike", "https://kitchen.example.evil.example/admin"],
    ["other port of our host", "https://kitchen.example:8443/admin"],
    ["http instead of https", "http://kitchen.example/admin"],
    ["userinfo trick", "https://kitchen.example@evil.example/"],
    ["empty", ""],
    ["null", null],
    ["undefined", undefined],
    ["the sign-in page", "/login"],
    ["the sign-in page with a query", "/login?callbackUrl=//evil.example"],
    ["the sign-in page, encoded", "/%6Cogin"],
    ["an API route", "/api/auth/signout"],
    ["an API route, case-folded", "/API/auth/signout"],
    ["an over-long value", "/" + "a".repeat(2100)],
    ["a repeated parameter (array)", ["/admin", "//evil.example"]],
  ])("refuses %s", (_name, raw) => expect(safeCallbackUrl(raw, OWN)).toBeNull());

  it("answers only with characters that are safe in a Location header", () => {
    for (const raw of ["/floor\n", "/floor\r\nSet-Cookie: x=1", "/floor?q=\u0000", "/café?x=ü"]) {
      const result = safeCallbackUrl(raw, OWN);
      expect(result).not.toBeNull();
      expect(result!).toMatch(/^\/[\x21-\x7e]*$/);
    }
  });

  it("decodes percent-encoded look-alikes as the browser would", () => {
    // The query string arrives decoded, so /%2F%2Fevil becomes //evil before we see it.
    expect(safeCallbackUrl(decodeURIComponent("%2F%09%2Fevil.example"), OWN)).toBeNull();
    expect(safeCallbackUrl(decodeURIComponent("%2F%5Cevil.example"), OWN)).toBeNull();
    // An encoded slash inside a path stays a path segment on our origin.
    expect(safeCallbackUrl("/%2F%2Fevil.example", OWN)).toBe("/%2F%2Fevil.example");
  });
});
