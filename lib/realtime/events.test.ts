import { describe, expect, it } from "vitest";
import {
  CHANNEL_ROLES,
  concernsStation,
  floorChannel,
  kitchenChannel,
  kitchenEventSchema,
  parseChannel,
  toKitchenEvent,
} from "./events";

describe("channels", () => {
  it("are private and per location, and parse back", () => {
    expect(kitchenChannel("cm3abc")).toBe("private-loc-cm3abc-kitchen");
    expect(floorChannel("cm3abc")).toBe("private-loc-cm3abc-floor");
    expect(parseChannel("private-loc-cm3abc-kitchen")).toEqual({ locationId: "cm3abc", audience: "kitchen" });
    expect(parseChannel("private-loc-a-b-c-floor")).toEqual({ locationId: "a-b-c", audience: "floor" });
    expect(parseChannel("private-loc-x-admin")).toBeNull();
    expect(parseChannel("loc-x-kitchen")).toBeNull();
    expect(parseChannel("presence-loc-x-kitchen")).toBeNull();
  });

  it("keeps floor roles off the kitchen channel", () => {
    for (const role of ["SERVER", "HOST", "CASHIER"] as const) expect(CHANNEL_ROLES.kitchen).not.toContain(role);
    expect(CHANNEL_ROLES.floor).not.toContain("CHEF");
    expect(CHANNEL_ROLES.kitchen).toContain("CHEF");
  });
});

describe("kitchen events", () => {
  const row = {
    seq: 42,
    type: "items.fired",
    orderId: "o1",
    payload: { stationIds: ["st-grill", null], itemIds: ["i1"], fireBatch: 2, priceCents: 999, totalCents: 1234 },
    createdAt: new Date("2026-11-21T20:00:00Z"),
  };

  it("are built from stored rows with only ids, seq and time — never prices", () => {
    const e = toKitchenEvent(row);
    expect(e).toEqual({
      seq: 42,
      type: "items.fired",
      orderId: "o1",
      stationIds: ["st-grill", null],
      fireBatch: 2,
      at: "2026-11-21T20:00:00.000Z",
    });
    expect(kitchenEventSchema.parse(e)).toEqual(e);
    expect(JSON.stringify(e)).not.toMatch(/cents|price|total|tax/i);
  });

  it("tell which stations they concern (expo: all)", () => {
    const e = toKitchenEvent(row);
    expect(concernsStation(e, { id: "st-grill", isExpo: false })).toBe(true);
    expect(concernsStation(e, { id: "st-fry", isExpo: false })).toBe(false);
    expect(concernsStation(e, { id: "st-expo", isExpo: true })).toBe(true);
  });
});
