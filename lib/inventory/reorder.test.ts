import { describe, expect, it } from "vitest";
import { toMilli as m } from "./quantity";
import { crossedReorderPoint, isLow, reorderSuggestion, weightedUnitCost } from "./reorder";

describe("reorder suggestions", () => {
  const flour = {
    parLevel: m("20000"),
    reorderPoint: m("5000"),
    purchaseUnitSize: m("5000"),
    costCentsPerPurchaseUnit: 499,
  };

  it("is low at or below the reorder point", () => {
    expect(isLow({ onHand: m("5000"), reorderPoint: m("5000") })).toBe(true);
    expect(isLow({ onHand: m("5000.001"), reorderPoint: m("5000") })).toBe(false);
    expect(crossedReorderPoint(m("5100"), m("4900"), m("5000"))).toBe(true);
    expect(crossedReorderPoint(m("4900"), m("4800"), m("5000"))).toBe(false);
  });

  it("suggests whole purchase units up to par, rounded up", () => {
    expect(reorderSuggestion({ ...flour, onHand: m("6000") })).toBeNull();
    // 20 kg par − 4.2 kg = 15.8 kg → 4 sacks of 5 kg
    expect(reorderSuggestion({ ...flour, onHand: m("4200") })).toEqual({
      purchaseUnits: 4,
      baseQuantity: m("20000"),
      costCents: 1996,
    });
    expect(reorderSuggestion({ ...flour, onHand: 0 })).toEqual({
      purchaseUnits: 4,
      baseQuantity: m("20000"),
      costCents: 1996,
    });
    expect(reorderSuggestion({ ...flour, onHand: m("5000") })?.purchaseUnits).toBe(3);
  });

  it("suggests at least one unit when par is misconfigured below the reorder point", () => {
    expect(reorderSuggestion({ ...flour, parLevel: m("1000"), onHand: m("2000") })?.purchaseUnits).toBe(1);
  });

  it("averages unit cost over old and received stock", () => {
    // 5 kg at $5.00/sack on hand + 10 kg received at $6.50/sack → $6.00/sack
    expect(
      weightedUnitCost({
        onHandBefore: m("5000"),
        oldCostCents: 500,
        receivedBase: m("10000"),
        newCostCents: 650,
        purchaseUnitSize: m("5000"),
      }),
    ).toBe(600);
    expect(
      weightedUnitCost({
        onHandBefore: 0,
        oldCostCents: 500,
        receivedBase: m("10000"),
        newCostCents: 650,
        purchaseUnitSize: m("5000"),
      }),
    ).toBe(650);
  });
});
