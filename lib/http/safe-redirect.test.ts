import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-redirect";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackUrl("/admin/staff?x=1")).toBe("/admin/staff?x=1");
  });
  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, undefined, "/login", "/api/auth/signout"])(
    "refuses %s",
    (raw) => expect(safeCallbackUrl(raw)).toBeNull(),
  );
});
