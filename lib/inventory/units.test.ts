import { describe, expect, it } from "vitest";
import { ceilDiv, divMilli, fromMilli, mulMilli, roundDiv, toMilli } from "./quantity";
import { baseToPurchase, formatQuantity, purchaseToBase, purchaseUnitsToCover, toBaseMilli, valueCents } from "./units";

describe("milli quantities", () => {
  it("parses decimals exactly, rounding half away from zero at 3 places", () => {
    expect(toMilli("12.5")).toBe(12_500);
    expect(toMilli("0.001")).toBe(1);
    expect(toMilli("0.0005")).toBe(1);
    expect(toMilli("0.0004")).toBe(0);
    expect(toMilli("-2.25")).toBe(-2_250);
    expect(toMilli(".5")).toBe(500);
    expect(toMilli(0.1 + 0.2)).toBe(300);
    expect(toMilli({ toString: () => "1500" })).toBe(1_500_000);
    expect(() => toMilli("abc")).toThrow(RangeError);
    expect(() => toMilli("")).toThrow(RangeError);
  });

  it("prints decimals back without trailing zeros", () => {
    expect(fromMilli(1_500_000)).toBe("1500");
    expect(fromMilli(12_340)).toBe("12.34");
    expect(fromMilli(5)).toBe("0.005");
    expect(fromMilli(-2_250)).toBe("-2.25");
    expect(fromMilli(0)).toBe("0");
    expect(() => fromMilli(0.5)).toThrow(RangeError);
  });

  it("multiplies, divides and rounds with integers", () => {
    expect(mulMilli(2_500, 5_000_000)).toBe(12_500_000); // 2.5 sacks × 5000 g
    expect(divMilli(7_500_000, 5_000_000)).toBe(1_500); // 7500 g / 5000 g = 1.5
    expect(divMilli(1_000, 3_000)).toBe(333);
    expect(roundDiv(5n, 2n)).toBe(3n);
    expect(roundDiv(-5n, 2n)).toBe(-3n);
    expect(roundDiv(4n, 3n)).toBe(1n);
    expect(ceilDiv(10, 3)).toBe(4);
    expect(ceilDiv(9, 3)).toBe(3);
    expect(ceilDiv(0, 3)).toBe(0);
    expect(ceilDiv(-4, 3)).toBe(0);
  });
});

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
