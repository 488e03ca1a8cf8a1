import { describe, expect, it } from "vitest";
import {
  ageLabel,
  changeDue,
  parseCents,
  parsePercentBps,
  quickCashAmounts,
  shareLabel,
  tipFor,
  tipSuggestions,
} from "./check-figures";

describe("quickCashAmounts", () => {
  it("offers the exact amount then the next round notes above it, without repeats", () => {
    expect(quickCashAmounts(2345)).toEqual([2345, 2500, 3000, 4000, 5000, 10000]);
    expect(quickCashAmounts(2000)).toEqual([2000, 5000, 10000]);
    expect(quickCashAmounts(12001)).toEqual([12001, 12500, 13000, 14000, 15000, 20000]);
    expect(quickCashAmounts(1)).toEqual([1, 500, 1000, 2000, 5000, 10000]);
  });
  it("offers nothing when nothing is due", () => {
    expect(quickCashAmounts(0)).toEqual([]);
    expect(quickCashAmounts(-5)).toEqual([]);
    expect(quickCashAmounts(1.5)).toEqual([]);
  });
});

describe("tips", () => {
  it("rounds half up to the cent", () => {
    expect(tipFor(1000, 1500)).toBe(150);
    expect(tipFor(2345, 1800)).toBe(422); // 422.1
    expect(tipFor(2350, 1500)).toBe(353); // 352.5 → 353
    expect(tipFor(0, 2000)).toBe(0);
  });
  it("labels the suggestions and drops bad rates", () => {
    expect(tipSuggestions(5000, [1500, 1800, 2000, 0, 1750])).toEqual([
      { bps: 1500, label: "15 %", cents: 750 },
      { bps: 1800, label: "18 %", cents: 900 },
      { bps: 2000, label: "20 %", cents: 1000 },
      { bps: 1750, label: "17.5 %", cents: 875 },
    ]);
  });
});

describe("changeDue", () => {
  it("is what was handed over beyond the amount, never negative", () => {
    expect(changeDue(5000, 4321)).toBe(679);
    expect(changeDue(4000, 4321)).toBe(0);
  });
});

describe("shareLabel", () => {
  it("shows common fractions as glyphs, reduced", () => {
    expect(shareLabel(1, 2)).toBe("½");
    expect(shareLabel(2, 4)).toBe("½");
    expect(shareLabel(2, 3)).toBe("⅔");
    expect(shareLabel(3, 4)).toBe("¾");
    expect(shareLabel(3, 7)).toBe("3/7");
  });
  it("is empty for a whole item", () => {
    expect(shareLabel(1, 1)).toBe("");
    expect(shareLabel(3, 3)).toBe("");
  });
});

describe("parseCents", () => {
  it("reads what a cashier types", () => {
    expect(parseCents("12.50")).toBe(1250);
    expect(parseCents("$12.5")).toBe(1250);
    expect(parseCents("12")).toBe(1200);
    expect(parseCents("1,200.05")).toBe(120005);
    expect(parseCents(" 0.07 ")).toBe(7);
  });
  it("refuses what is not money", () => {
    expect(parseCents("")).toBeNull();
    expect(parseCents("abc")).toBeNull();
    expect(parseCents("-3")).toBeNull();
    expect(parseCents("1.234")).toBeNull();
    expect(parseCents("1e3")).toBeNull();
  });
});

describe("ageLabel", () => {
  it("counts minutes, then hours", () => {
    const now = Date.parse("2026-01-01T12:00:00Z");
    expect(ageLabel("2026-01-01T11:55:30Z", now)).toBe("4 min");
    expect(ageLabel("2026-01-01T10:40:00Z", now)).toBe("1 h 20");
    expect(ageLabel("2026-01-01T12:05:00Z", now)).toBe("0 min");
  });
});

describe("parsePercentBps", () => {
  it("reads percentages as basis points", () => {
    expect(parsePercentBps("10")).toBe(1000);
    expect(parsePercentBps("12.5 %")).toBe(1250);
    expect(parsePercentBps("100")).toBe(10_000);
    expect(parsePercentBps("0.01")).toBe(1);
  });
  it("refuses zero, more than 100 % and what is not a number", () => {
    expect(parsePercentBps("0")).toBeNull();
    expect(parsePercentBps("100.01")).toBeNull();
    expect(parsePercentBps("150")).toBeNull();
    expect(parsePercentBps("-5")).toBeNull();
    expect(parsePercentBps("ten")).toBeNull();
  });
});
