import { describe, expect, it } from "vitest";
import { CITY_SPEED_KMH, legMinutes, routeEtas, STOP_MINUTES } from "./eta";

// About 1.11 km per 0.01° of latitude.
const A = { lat: 52.5, lng: 13.4 };
const B = { lat: 52.51, lng: 13.4 };
const C = { lat: 52.53, lng: 13.4 };

describe("legMinutes", () => {
  it("is 0 when already at the door", () => {
    expect(legMinutes(A, A)).toBe(0);
  });
  it("stretches the great circle for streets at city speed, rounded up", () => {
    // 1.112 km × 1.3 = 1.45 km at 25 km/h = 3.5 min → 4
    expect(legMinutes(A, B)).toBe(4);
    expect(CITY_SPEED_KMH).toBe(25);
  });
  it("is faster at a higher speed", () => {
    expect(legMinutes(A, C, 50)).toBeLessThan(legMinutes(A, C));
  });
});

describe("routeEtas", () => {
  it("adds the legs and the time at every earlier door", () => {
    const [first, second] = routeEtas(A, [B, C]);
    expect(first).toBe(legMinutes(A, B));
    expect(second).toBe(legMinutes(A, B) + legMinutes(B, C) + STOP_MINUTES);
  });
  it("gives null to a stop without coordinates and carries on from the last known one", () => {
    expect(routeEtas(A, [null, B])).toEqual([null, legMinutes(A, B)]);
  });
  it("caps a silly distance at ten hours", () => {
    expect(routeEtas(A, [{ lat: -52, lng: -13 }])).toEqual([600]);
  });
});
