import { describe, expect, it } from "vitest";
import { normaliseTag, parseAllergen } from "./allergens";

describe("allergens and tags", () => {
  it("parses allergen names and normalises tags", () => {
    expect(parseAllergen("tree nuts")).toBe("TREE_NUTS");
    expect(parseAllergen("shellfish")).toBeNull();
    expect(normaliseTag(" Gluten Free ")).toBe("gluten-free");
  });
});
