import { describe, expect, it } from "vitest";
import { correctionDelta, variance } from "./stock-count-math";

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
