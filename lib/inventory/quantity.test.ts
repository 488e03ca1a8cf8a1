import { describe, expect, it } from "vitest";
import { ceilDiv, divMilli, fromMilli, mulMilli, roundDiv, toMilli } from "./quantity";

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
