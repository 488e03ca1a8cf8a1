import { describe, expect, it } from "vitest";
import { applyPriceChange, percentToBps, previewPriceChange } from "./price-math";

describe("bulk price math (integer cents)", () => {
  it("applies a percentage exactly and rounds half away from zero to the cent", () => {
    expect(applyPriceChange(1000, { mode: "PERCENT", bps: 1000 })).toBe(1100);
    expect(applyPriceChange(1099, { mode: "PERCENT", bps: 500 })).toBe(1154); // 54.95 → 55
    expect(applyPriceChange(1090, { mode: "PERCENT", bps: 500 })).toBe(1145); // 54.5 → 55 (half up)
    expect(applyPriceChange(1090, { mode: "PERCENT", bps: -500 })).toBe(1035); // -54.5 → -55 (half away from zero)
    expect(applyPriceChange(999, { mode: "PERCENT", bps: 333 })).toBe(1032); // 33.2667 → 33
    expect(applyPriceChange(0, { mode: "PERCENT", bps: 2000 })).toBe(0);
  });

  it("adds or subtracts an amount", () => {
    expect(applyPriceChange(1250, { mode: "AMOUNT", deltaCents: 75 })).toBe(1325);
    expect(applyPriceChange(1250, { mode: "AMOUNT", deltaCents: -250 })).toBe(1000);
  });

  it("rounds to a step after the change", () => {
    expect(applyPriceChange(1099, { mode: "PERCENT", bps: 500, roundTo: 5 })).toBe(1155);
    expect(applyPriceChange(1152, { mode: "PERCENT", bps: 0, roundTo: 5 })).toBe(1150);
    expect(applyPriceChange(1125, { mode: "AMOUNT", deltaCents: 0, roundTo: 50 })).toBe(1150);
    expect(applyPriceChange(1149, { mode: "AMOUNT", deltaCents: 0, roundTo: 100 })).toBe(1100);
  });

  it("flags (does not clamp) prices that would go negative or too high", () => {
    const p = previewPriceChange(
      [
        { id: "a", name: "Bread", priceCents: 300 },
        { id: "b", name: "Steak", priceCents: 3200 },
      ],
      { mode: "AMOUNT", deltaCents: -500 },
    );
    expect(p[0]).toEqual({ id: "a", name: "Bread", fromCents: 300, toCents: -200, error: "Would become negative" });
    expect(p[1].error).toBeUndefined();
    expect(
      previewPriceChange([{ id: "c", name: "X", priceCents: 9_999_999 }], { mode: "PERCENT", bps: 100 })[0].error,
    ).toMatch(/maximum/);
  });

  it("parses a typed percentage into basis points", () => {
    expect(percentToBps("10")).toBe(1000);
    expect(percentToBps("2.5")).toBe(250);
    expect(percentToBps("-7.25")).toBe(-725);
    expect(percentToBps("+3")).toBe(300);
    expect(percentToBps("1.234")).toBeNull();
    expect(percentToBps("ten")).toBeNull();
  });
});
