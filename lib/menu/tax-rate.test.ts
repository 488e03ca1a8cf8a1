import { describe, expect, it } from "vitest";
import { effectiveTaxRate } from "./tax-rate";

describe("tax rate", () => {
  it("uses the item's rate, else the location's (0 is a rate, not 'unset')", () => {
    expect(effectiveTaxRate(null, 875)).toBe(875);
    expect(effectiveTaxRate(undefined, 875)).toBe(875);
    expect(effectiveTaxRate(0, 875)).toBe(0);
    expect(effectiveTaxRate(1000, 875)).toBe(1000);
  });
});
