import { describe, expect, it } from "vitest";
import { cashVariance, countTotal, dollarsToCents, expectedCash, varianceWords } from "./drawer-math";

describe("drawer math", () => {
  it("expects float + cash sales + pay-ins − pay-outs − cash refunds", () => {
    expect(
      expectedCash({
        openingFloatCents: 20000,
        cashSalesCents: 4575,
        payInsCents: 1000,
        payOutsCents: 2550,
        cashRefundsCents: 300,
      }),
    ).toBe(22725);
  });

  it("reports the variance as counted − expected", () => {
    expect(cashVariance(22700, 22725)).toBe(-25);
    expect(cashVariance(22725, 22725)).toBe(0);
    expect(cashVariance(23000, 22725)).toBe(275);
  });

  it("totals a denomination count and ignores junk", () => {
    expect(countTotal({ "10000": 1, "2000": 3, "25": 4, "1": 7 })).toBe(10000 + 6000 + 100 + 7);
    expect(countTotal({ "2000": -2, "500": 1.5, "300": 4, "100": 2 })).toBe(200);
  });

  it("words the variance", () => {
    const f = (c: number) => `$${(c / 100).toFixed(2)}`;
    expect(varianceWords(0, f)).toBe("Exact");
    expect(varianceWords(-450, f)).toBe("$4.50 short");
    expect(varianceWords(100, f)).toBe("$1.00 over");
  });
});

describe("dollarsToCents", () => {
  it("reads what a cashier types", () => {
    expect(dollarsToCents("12.5")).toBe(1250);
    expect(dollarsToCents("$200")).toBe(20000);
    expect(dollarsToCents(" 0,99 ")).toBe(99);
    expect(dollarsToCents("1.234")).toBeNaN();
    expect(dollarsToCents("-5")).toBeNaN();
    expect(dollarsToCents("")).toBeNaN();
  });
});
