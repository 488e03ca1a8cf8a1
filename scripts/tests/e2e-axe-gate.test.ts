import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageKey } from "../../e2e/support/axe";

const e2eDir = path.join(import.meta.dirname, "../../e2e");

describe("e2e accessibility gate", () => {
  // The gate is a fixture of ./support/test's `test`; a spec importing Playwright's own would skip it.
  it("every spec takes test and expect from ./support/test", () => {
    const specs = readdirSync(e2eDir).filter((f) => f.endsWith(".spec.ts"));
    expect(specs.length).toBeGreaterThan(5);
    for (const spec of specs) {
      const source = readFileSync(path.join(e2eDir, spec), "utf8");
      expect(source, spec).toMatch(/import \{[^}]*\btest\b[^}]*\} from "\.\/support\/test"/);
      expect(source, spec).not.toMatch(/import \{[^}]*\b(test|expect)\b(?! as)[^}]*\} from "@playwright\/test"/);
    }
  });

  it("checks a page once per path shape, not per id, and skips the API", () => {
    expect(pageKey("http://localhost:3100/floor/tables/cmabcdefghijklmnopqrst")).toBe("/floor/tables/:id");
    expect(pageKey("http://localhost:3100/admin/inventory/counts/42")).toBe("/admin/inventory/counts/:id");
    expect(pageKey("http://localhost:3100/kitchen/grill?x=1")).toBe("/kitchen/grill");
    expect(pageKey("http://localhost:3100/api/v1/orders")).toBeNull();
    expect(pageKey("about:blank")).toBeNull();
  });
});
