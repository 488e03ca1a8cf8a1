import { describe, expect, it } from "vitest";
import { distanceMeters } from "./geo";
import { GreatCirclePlanner, defaultRoutePlanner, nearestNeighbourOrder, pathMeters } from "./optimise-route";

const origin = { lat: 40.74, lng: -73.99 };
/** A stop `k` hundredths of a degree north (about 1.1 km each) of the kitchen, on its meridian. */
const north = (id: string, k: number) => ({ id, lat: 40.74 + k * 0.01, lng: -73.99 });

describe("GreatCirclePlanner", () => {
  it("beats nearest neighbour where greed goes the wrong way first", () => {
    // NN: 0 → +1 → −2 → +4 = 1 + 3 + 6 = 10 units; best: 0 → −2 → +1 → +4 = 2 + 3 + 3 = 8 units.
    const stops = [north("a", 1), north("b", -2), north("c", 4)];
    const nn = nearestNeighbourOrder(origin, stops);
    expect(nn.map((s) => s.id)).toEqual(["a", "b", "c"]);
    const planned = defaultRoutePlanner.plan(origin, stops);
    expect(planned.stops.map((s) => s.id)).toEqual(["b", "a", "c"]);
    expect(planned.totalMeters).toBeLessThan(pathMeters(origin, nn) - 2000);
    expect(planned.totalMeters).toBe(Math.round(pathMeters(origin, planned.stops)));
  });

  it("plans no stop, one stop and two stops", () => {
    expect(defaultRoutePlanner.plan(origin, [])).toEqual({ stops: [], totalMeters: 0, legMinutes: [], etaMinutes: [] });
    const one = defaultRoutePlanner.plan(origin, [north("x", 1)]);
    expect(one.stops.map((s) => s.id)).toEqual(["x"]);
    expect(one.totalMeters).toBe(Math.round(distanceMeters(origin, north("x", 1))));
    const two = defaultRoutePlanner.plan(origin, [north("far", 3), north("near", 1)]);
    expect(two.stops.map((s) => s.id)).toEqual(["near", "far"]);
    expect(two.etaMinutes).toHaveLength(2);
    expect(two.etaMinutes[1]).toBeGreaterThan(two.etaMinutes[0]);
  });

  it("handles identical points and stops at the kitchen itself", () => {
    const planned = defaultRoutePlanner.plan(origin, [north("b", 1), north("a", 1), { id: "k", ...origin }]);
    expect(planned.stops.map((s) => s.id)).toEqual(["k", "a", "b"]);
    expect(planned.legMinutes[0]).toBe(0);
    expect(planned.legMinutes[2]).toBe(0);
    expect(Number.isFinite(planned.totalMeters)).toBe(true);
  });

  it("is deterministic whatever order the stops come in", () => {
    const stops = Array.from({ length: 9 }, (_, i) => ({
      id: `s${i}`,
      lat: 40.74 + Math.sin(i * 7) * 0.02,
      lng: -73.99 + Math.cos(i * 3) * 0.02,
    }));
    const a = defaultRoutePlanner.plan(origin, stops).stops.map((s) => s.id);
    const b = defaultRoutePlanner.plan(origin, [...stops].reverse()).stops.map((s) => s.id);
    expect(b).toEqual(a);
  });

  it("computes ETAs at the assumed speed", () => {
    const slow = new GreatCirclePlanner(6); // 100 m a minute
    const planned = slow.plan(origin, [north("x", 1)]);
    expect(planned.etaMinutes[0]).toBe(Math.ceil(distanceMeters(origin, north("x", 1)) / 100));
  });

  it("plans 25 stops in a few milliseconds and never worse than nearest neighbour", () => {
    const stops = Array.from({ length: 25 }, (_, i) => ({
      id: `s${String(i).padStart(2, "0")}`,
      lat: 40.74 + (((i * 37) % 50) - 25) * 0.001,
      lng: -73.99 + (((i * 53) % 50) - 25) * 0.001,
    }));
    defaultRoutePlanner.plan(origin, stops); // warm up the JIT
    const started = performance.now();
    const planned = defaultRoutePlanner.plan(origin, stops);
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(20);
    expect(planned.stops).toHaveLength(25);
    expect(new Set(planned.stops.map((s) => s.id)).size).toBe(25);
    expect(planned.totalMeters).toBeLessThanOrEqual(
      Math.round(pathMeters(origin, nearestNeighbourOrder(origin, stops))),
    );
  });
});
