import { describe, expect, it } from "vitest";
import { channelRefusal } from "./channel-access";
import { driverChangedSchema, driverChannel, parseChannel, parseDriverChannel } from "./events";

const dana = { locationId: "loc1", userId: "cmdana", role: "DRIVER" } as const;

describe("a driver's channel", () => {
  it("is private, per location and per driver, and parses back", () => {
    expect(driverChannel("loc1", "cmdana")).toBe("private-loc-loc1-driver-cmdana");
    expect(parseDriverChannel("private-loc-a-b-driver-cmdana")).toEqual({ locationId: "a-b", userId: "cmdana" });
    expect(parseDriverChannel("private-loc-loc1-driver-")).toBeNull();
    expect(parseDriverChannel("presence-loc-loc1-driver-cmdana")).toBeNull();
    // Not mistaken for an audience channel, nor the reverse.
    expect(parseChannel(driverChannel("loc1", "cmdana"))).toBeNull();
    expect(parseDriverChannel("private-loc-loc1-floor")).toBeNull();
  });

  it("is the driver's own: not another driver's, another location's, nor a dispatcher's", () => {
    expect(channelRefusal(dana, driverChannel("loc1", "cmdana"))).toBeNull();
    expect(channelRefusal(dana, driverChannel("loc1", "cmbob"))).toMatch(/another driver/);
    expect(channelRefusal(dana, driverChannel("loc2", "cmdana"))).toMatch(/another location/);
    for (const role of ["MANAGER", "CHEF", "SERVER", "HOST", "CASHIER"] as const) {
      expect(channelRefusal({ ...dana, userId: "cmboss", role }, driverChannel("loc1", "cmdana"))).toMatch(
        /another driver/,
      );
      // Even "their own" name: a role that cannot drive has no driver channel.
      expect(channelRefusal({ ...dana, userId: "cmboss", role }, driverChannel("loc1", "cmboss"))).toMatch(
        /cannot subscribe/,
      );
    }
  });

  it("leaves the floor and kitchen rules as they were (drivers get neither)", () => {
    expect(channelRefusal(dana, "private-loc-loc1-floor")).toMatch(/floor channel/);
    expect(channelRefusal(dana, "private-loc-loc1-kitchen")).toMatch(/kitchen channel/);
    expect(channelRefusal({ ...dana, role: "CHEF" }, "private-loc-loc1-kitchen")).toBeNull();
    expect(channelRefusal({ ...dana, role: "SERVER" }, "private-loc-loc1-floor")).toBeNull();
    expect(channelRefusal({ ...dana, role: "SERVER" }, "private-loc-loc2-floor")).toMatch(/another location/);
    expect(channelRefusal({ ...dana, role: "SERVER" }, "private-anything")).toBe("Unknown channel");
  });
});

describe("driver events", () => {
  it("carry ids only: a stray field is refused", () => {
    const ok = { what: "status", routeId: null, orderIds: ["o1"], status: "READY" } as const;
    expect(driverChangedSchema.parse(ok)).toEqual(ok);
    expect(driverChangedSchema.safeParse({ ...ok, phone: "+12025550101" }).success).toBe(false);
    expect(driverChangedSchema.safeParse({ ...ok, status: "LOST" }).success).toBe(false);
  });
});
