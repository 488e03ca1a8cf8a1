import { describe, expect, it } from "vitest";
import { computeTotals, exceedsOrderLimit, lineCents, MAX_ORDER_TOTAL_CENTS, taxOn } from "./totals";

describe("tax", () => {
  it("rounds half up in integers", () => {
    expect(taxOn(1000, 875)).toBe(88); // 87.5 → 88
    expect(taxOn(1001, 875)).toBe(88); // 87.5875
    expect(taxOn(999, 875)).toBe(87); // 87.4125
    expect(taxOn(200, 2500)).toBe(50);
    expect(taxOn(0, 875)).toBe(0);
    expect(taxOn(1000, 0)).toBe(0);
  });
});

describe("order totals", () => {
  it("sums (unit + modifiers) × quantity and adds tax", () => {
    expect(lineCents({ unitPriceCents: 1650, modifiersCents: 250, quantity: 2 })).toBe(3800);
    const t = computeTotals(
      [
        { unitPriceCents: 1650, modifiersCents: 250, quantity: 2 },
        { unitPriceCents: 450, modifiersCents: 0, quantity: 1 },
      ],
      875,
    );
    expect(t).toEqual({ subtotalCents: 4250, taxCents: 372, totalCents: 4622 }); // 371.875 → 372
  });

  it("rounds once per rate, so splitting lines does not change the tax", () => {
    const one = computeTotals([{ unitPriceCents: 3, modifiersCents: 0, quantity: 10 }], 875);
    const ten = computeTotals(
      Array.from({ length: 10 }, () => ({ unitPriceCents: 3, modifiersCents: 0, quantity: 1 })),
      875,
    );
    expect(ten).toEqual(one);
    expect(one.taxCents).toBe(3); // 30 × 8.75 % = 2.625 → 3 (per-line rounding would give 0)
  });

  it("groups by rate: items with their own rate are taxed at it", () => {
    const t = computeTotals(
      [
        { unitPriceCents: 1000, modifiersCents: 0, quantity: 1, taxRateBps: null },
        { unitPriceCents: 1000, modifiersCents: 0, quantity: 1, taxRateBps: 0 },
        { unitPriceCents: 1000, modifiersCents: 0, quantity: 1, taxRateBps: 1000 },
      ],
      875,
    );
    expect(t).toEqual({ subtotalCents: 3000, taxCents: 88 + 0 + 100, totalCents: 3188 });
  });

  it("leaves voided lines out and stays in integers", () => {
    const t = computeTotals(
      [
        { unitPriceCents: 999, modifiersCents: 1, quantity: 3, taxRateBps: 825 },
        { unitPriceCents: 5000, modifiersCents: 0, quantity: 1, voided: true },
      ],
      825,
    );
    expect(t).toEqual({ subtotalCents: 3000, taxCents: 248, totalCents: 3248 });
    expect(Number.isInteger(t.taxCents)).toBe(true);
    expect(computeTotals([], 875)).toEqual({ subtotalCents: 0, taxCents: 0, totalCents: 0 });
  });
});

describe("order limit", () => {
  it("refuses totals above $1,000,000.00, which still fit the INTEGER cents columns", () => {
    expect(MAX_ORDER_TOTAL_CENTS).toBeLessThan(2 ** 31 - 1);
    expect(exceedsOrderLimit({ subtotalCents: 0, taxCents: 0, totalCents: MAX_ORDER_TOTAL_CENTS })).toBe(false);
    expect(exceedsOrderLimit({ subtotalCents: 0, taxCents: 0, totalCents: MAX_ORDER_TOTAL_CENTS + 1 })).toBe(true);
  });
});

describe("delivery fee", () => {
  it("adds the fee to the total, taxed at its own rate in the same per-rate sum, and never subtracts", () => {
    const lines = [{ unitPriceCents: 1000, modifiersCents: 0, quantity: 2 }];
    expect(computeTotals(lines, 1000, { cents: 399, rateBps: 0 })).toEqual({
      subtotalCents: 2000,
      taxCents: 200,
      totalCents: 2599,
    });
    // 10 % of 2 000 + 399 = 239.9 → 240: rounded once with the items of its rate.
    expect(computeTotals(lines, 1000, { cents: 399, rateBps: 1000 })).toEqual({
      subtotalCents: 2000,
      taxCents: 240,
      totalCents: 2639,
    });
    expect(computeTotals(lines, 1000, { cents: -5, rateBps: 1000 })).toEqual(computeTotals(lines, 1000));
  });
});
