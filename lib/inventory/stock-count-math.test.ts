import { describe, expect, it } from "vitest";
import { correctionDelta, isLargeVariance, variance } from "./stock-count-math";

describe("stock count corrections", () => {
  it("is counted minus expected", () => {
    expect(variance(10_000, 8_500)).toBe(-1_500);
    expect(variance(10_000, 12_000)).toBe(2_000);
  });

  it("keeps movements booked since the count started", () => {
    // expected 10, counted 8 → -2; meanwhile 3 were sold (current 7) → ends at 5
    expect(correctionDelta({ expected: 10_000, counted: 8_000, current: 7_000 })).toBe(-2_000);
  });

  it("never takes the level below zero", () => {
    expect(correctionDelta({ expected: 10_000, counted: 2_000, current: 5_000 })).toBe(-5_000);
    expect(correctionDelta({ expected: 0, counted: 4_000, current: 0 })).toBe(4_000);
  });
});

describe("large variances", () => {
  it("flags more than 20 % either way, and stock found where none was expected", () => {
    expect(isLargeVariance(29_520_000, 5_000)).toBe(true); // the flour trap: 5 g typed for 29.52 kg
    expect(isLargeVariance(29_520_000, 5_000_000)).toBe(true);
    expect(isLargeVariance(10_000, 8_000)).toBe(false); // exactly 20 %
    expect(isLargeVariance(10_000, 7_999)).toBe(true);
    expect(isLargeVariance(10_000, 12_001)).toBe(true);
    expect(isLargeVariance(10_000, 10_000)).toBe(false);
    expect(isLargeVariance(0, 1)).toBe(true);
    expect(isLargeVariance(0, 0)).toBe(false);
    expect(isLargeVariance(99_999_999_999_999, 0)).toBe(true);
  });
});
