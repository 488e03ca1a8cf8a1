import { describe, expect, it } from "vitest";
import { batchOrders, rankDrivers, suggestBatches, suggestDriver, type DriverLoad } from "./suggest-driver";

const kitchen = { lat: 40.74, lng: -73.99 };
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 2, 18, minutes));
/** `k` thousandths of a degree north of the kitchen (about 111 m each). */
const north = (k: number) => ({ lat: 40.74 + k * 0.001, lng: -73.99 });
const driver = (driverId: string, load: number, position: { lat: number; lng: number } | null): DriverLoad => ({
  driverId,
  name: driverId,
  load,
  position,
});

describe("suggestDriver", () => {
  it("prefers the least loaded, then the nearest to the kitchen, unknown position counting as at the kitchen", () => {
    const busyNear = driver("busy", 2, kitchen);
    const idleFar = driver("far", 0, north(30));
    const idleNear = driver("near", 0, north(2));
    const idleUnknown = driver("unknown", 0, null);
    expect(suggestDriver([busyNear, idleFar, idleNear], kitchen)?.driverId).toBe("near");
    expect(suggestDriver([idleFar, busyNear], kitchen)?.driverId).toBe("far");
    expect(suggestDriver([idleNear, idleUnknown], kitchen)?.driverId).toBe("unknown");
    expect(rankDrivers([busyNear, idleFar, idleNear], kitchen).map((d) => d.driverId)).toEqual(["near", "far", "busy"]);
  });

  it("suggests nobody when nobody is on duty, and orders equals by name", () => {
    expect(suggestDriver([], kitchen)).toBeNull();
    expect(suggestDriver([driver("b", 0, null), driver("a", 0, null)], kitchen)?.driverId).toBe("a");
  });
});

describe("batchOrders", () => {
  it("groups close stops promised close together, at most maxStops", () => {
    const orders = [
      { orderId: "o1", promisedAt: at(0), position: north(5) },
      { orderId: "o2", promisedAt: at(5), position: north(7) },
      { orderId: "o3", promisedAt: at(6), position: north(6) },
      { orderId: "o4", promisedAt: at(8), position: north(5) },
    ];
    const batches = batchOrders(orders, { maxStops: 3, maxGapMeters: 1000, windowMinutes: 15 });
    expect(batches.map((b) => b.map((o) => o.orderId))).toEqual([["o1", "o2", "o3"], ["o4"]]);
  });

  it("keeps far stops, late promises and unknown positions apart", () => {
    const orders = [
      { orderId: "o1", promisedAt: at(0), position: north(5) },
      { orderId: "far", promisedAt: at(1), position: north(40) },
      { orderId: "late", promisedAt: at(30), position: north(5) },
      { orderId: "nopos", promisedAt: at(2), position: null },
    ];
    const batches = batchOrders(orders, { maxStops: 3, maxGapMeters: 1000, windowMinutes: 15 });
    expect(batches.map((b) => b.map((o) => o.orderId))).toEqual([["o1"], ["far"], ["nopos"], ["late"]]);
  });

  it("needs every pair close (no chaining): A–B and B–C close but A–C far", () => {
    const orders = [
      { orderId: "a", promisedAt: at(0), position: north(0) },
      { orderId: "b", promisedAt: at(1), position: north(8) },
      { orderId: "c", promisedAt: at(2), position: north(16) },
    ];
    const batches = batchOrders(orders, { maxStops: 3, maxGapMeters: 1000, windowMinutes: 15 });
    expect(batches.map((b) => b.map((o) => o.orderId))).toEqual([["a", "b"], ["c"]]);
  });

  it("needs every pair within the window", () => {
    const orders = [
      { orderId: "a", promisedAt: at(0), position: north(1) },
      { orderId: "b", promisedAt: at(10), position: north(1) },
      { orderId: "c", promisedAt: at(20), position: north(1) },
    ];
    const batches = batchOrders(orders, { maxStops: 3, maxGapMeters: 1000, windowMinutes: 15 });
    expect(batches.map((b) => b.map((o) => o.orderId))).toEqual([["a", "b"], ["c"]]);
  });
});

describe("suggestBatches", () => {
  it("orders each batch's stops by the route and spreads batches across idle drivers", () => {
    const orders = [
      { orderId: "x", promisedAt: at(0), position: north(6) },
      { orderId: "y", promisedAt: at(1), position: north(3) },
      { orderId: "z", promisedAt: at(2), position: north(-40) },
    ];
    const batches = suggestBatches(orders, [driver("ann", 0, null), driver("bob", 0, null)], kitchen, {
      maxStops: 3,
      maxGapMeters: 1000,
      windowMinutes: 15,
    });
    expect(batches.map((b) => b.orders.map((o) => o.orderId))).toEqual([["y", "x"], ["z"]]);
    expect(batches.map((b) => b.driver?.driverId)).toEqual(["ann", "bob"]);
    expect(batches[0].driver?.load).toBe(0); // the real load, not the running tally
    expect(batches[0].etaMinutes).toHaveLength(2);
  });

  it("suggests no driver when nobody is on duty", () => {
    const batches = suggestBatches([{ orderId: "x", promisedAt: at(0), position: north(1) }], [], kitchen);
    expect(batches[0].driver).toBeNull();
  });
});
