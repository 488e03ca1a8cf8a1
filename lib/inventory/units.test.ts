import { describe, expect, it } from "vitest";
import { toMilli } from "./quantity";
import { baseToPurchase, formatQuantity, purchaseToBase, purchaseUnitsToCover, toBaseMilli, valueCents } from "./units";

describe("unit conversions", () => {
  it("converts entry units into the base unit", () => {
    expect(toBaseMilli(toMilli("2"), "kg", "G")).toBe(toMilli("2000"));
    expect(toBaseMilli(toMilli("1.5"), "L", "ML")).toBe(toMilli("1500"));
    expect(toBaseMilli(toMilli("2"), "dozen", "EACH")).toBe(toMilli("24"));
    expect(toBaseMilli(toMilli("250"), "mg", "G")).toBe(toMilli("0.25"));
    expect(() => toBaseMilli(1000, "l", "G")).toThrow(/not a unit of g/);
  });

  it("converts between purchase units and base units", () => {
    const sack = toMilli("5000"); // a 5 kg sack of flour, in g
    expect(purchaseToBase(toMilli("3"), sack)).toBe(toMilli("15000"));
    expect(baseToPurchase(toMilli("7500"), sack)).toBe(toMilli("1.5"));
    expect(purchaseUnitsToCover(toMilli("7500"), sack)).toBe(2);
    expect(purchaseUnitsToCover(toMilli("10000"), sack)).toBe(2);
    expect(purchaseUnitsToCover(toMilli("10000.001"), sack)).toBe(3);
  });

  it("values stock at the purchase-unit cost, to the cent", () => {
    // 2.5 kg of flour at $4.99 per 5 kg sack = $2.495 → 250 cents (half up)
    expect(valueCents(toMilli("2500"), toMilli("5000"), 499)).toBe(250);
    expect(valueCents(toMilli("12"), toMilli("12"), 360)).toBe(360);
    expect(valueCents(0, toMilli("12"), 360)).toBe(0);
  });

  it("formats for people", () => {
    expect(formatQuantity(toMilli("1500"), "G")).toBe("1.5 kg");
    expect(formatQuantity(toMilli("999.5"), "G")).toBe("999.5 g");
    expect(formatQuantity(toMilli("250"), "ML")).toBe("250 ml");
    expect(formatQuantity(toMilli("12000"), "ML")).toBe("12 l");
    expect(formatQuantity(toMilli("1234"), "EACH")).toBe("1,234 each");
  });
});
