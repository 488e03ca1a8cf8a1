import { describe, expect, it } from "vitest";
import { readServiceChargeRules, serviceChargeFor, serviceChargeRulesSchema } from "./service-charge-rules";

describe("service-charge rules", () => {
  it("accepts a named rule with an optional party size", () => {
    expect(serviceChargeRulesSchema.parse([{ name: "Large party", minGuests: 8, rateBps: 1800 }])).toEqual([
      { name: "Large party", minGuests: 8, rateBps: 1800, taxable: false },
    ]);
    expect(serviceChargeRulesSchema.parse([{ name: "Always", rateBps: 500 }])[0].minGuests).toBeNull();
    expect(serviceChargeRulesSchema.parse([{ name: "Taxed", rateBps: 500, taxable: true }])[0].taxable).toBe(true);
  });

  it("refuses negative rates, empty names and duplicate names", () => {
    expect(serviceChargeRulesSchema.safeParse([{ name: "x", rateBps: -1 }]).success).toBe(false);
    expect(serviceChargeRulesSchema.safeParse([{ name: " ", rateBps: 1 }]).success).toBe(false);
    expect(
      serviceChargeRulesSchema.safeParse([
        { name: "A", rateBps: 1 },
        { name: "a", rateBps: 2 },
      ]).success,
    ).toBe(false);
  });

  it("reads broken stored JSON as no rules", () => {
    expect(readServiceChargeRules({ nope: true })).toEqual([]);
  });

  it("picks the highest matching rate for a party", () => {
    const rules = readServiceChargeRules([
      { name: "House", minGuests: null, rateBps: 500 },
      { name: "Large party", minGuests: 8, rateBps: 1800 },
    ]);
    expect(serviceChargeFor(rules, 4)?.name).toBe("House");
    expect(serviceChargeFor(rules, 8)?.name).toBe("Large party");
    expect(serviceChargeFor([], 8)).toBeNull();
  });
});
