import { describe, expect, it } from "vitest";
import { areaContains, areaFor, distanceMeters, insidePolygon, polygonOf, type AreaShape } from "./geo";

const origin = { lat: 52.52, lng: 13.405 };
// A 0.02° square around the origin (about 2.2 km by 1.4 km).
const square: [number, number][] = [
  [52.51, 13.395],
  [52.51, 13.415],
  [52.53, 13.415],
  [52.53, 13.395],
];

describe("distanceMeters", () => {
  it("measures a known distance (Berlin to Paris ≈ 878 km)", () => {
    const d = distanceMeters({ lat: 52.52, lng: 13.405 }, { lat: 48.8566, lng: 2.3522 });
    expect(d / 1000).toBeGreaterThan(875);
    expect(d / 1000).toBeLessThan(880);
  });
  it("is zero for one point and symmetric", () => {
    expect(distanceMeters(origin, origin)).toBe(0);
    const p = { lat: 52.53, lng: 13.42 };
    expect(distanceMeters(origin, p)).toBeCloseTo(distanceMeters(p, origin), 6);
  });
});

describe("insidePolygon", () => {
  it("holds the centre, refuses a point outside, counts an edge as inside", () => {
    expect(insidePolygon(origin, square)).toBe(true);
    expect(insidePolygon({ lat: 52.54, lng: 13.405 }, square)).toBe(false);
    expect(insidePolygon({ lat: 52.51, lng: 13.405 }, square)).toBe(true);
  });
  it("handles a concave shape (an L)", () => {
    const l: [number, number][] = [
      [0, 0],
      [0, 2],
      [1, 2],
      [1, 1],
      [2, 1],
      [2, 0],
    ];
    expect(insidePolygon({ lat: 0.5, lng: 1.5 }, l)).toBe(true);
    expect(insidePolygon({ lat: 1.5, lng: 1.5 }, l)).toBe(false);
    expect(insidePolygon({ lat: 1.5, lng: 0.5 }, l)).toBe(true);
  });
  it("refuses a ring of fewer than three points", () => {
    expect(insidePolygon(origin, square.slice(0, 2))).toBe(false);
  });
});

describe("polygonOf", () => {
  it("reads pairs and refuses anything else", () => {
    expect(polygonOf(square)).toEqual(square);
    expect(polygonOf([[1, 2]])).toBeNull();
    expect(
      polygonOf([
        [1, 2],
        [3, 4],
        ["a", 5],
      ]),
    ).toBeNull();
    expect(
      polygonOf([
        [91, 0],
        [0, 0],
        [0, 1],
      ]),
    ).toBeNull();
    expect(polygonOf({})).toBeNull();
  });
});

describe("areaFor", () => {
  const near: AreaShape = { id: "near", kind: "RADIUS", polygon: null, minMeters: 0, maxMeters: 2000, sortOrder: 1 };
  const far: AreaShape = { id: "far", kind: "RADIUS", polygon: null, minMeters: 2000, maxMeters: 5000, sortOrder: 2 };
  const box: AreaShape = { id: "box", kind: "POLYGON", polygon: square, minMeters: 0, maxMeters: null, sortOrder: 0 };

  it("picks the band by distance from the location", () => {
    const at1km = { lat: 52.529, lng: 13.405 };
    const at3km = { lat: 52.547, lng: 13.405 };
    expect(areaFor([near, far], at1km, origin)?.id).toBe("near");
    expect(areaFor([near, far], at3km, origin)?.id).toBe("far");
    expect(areaFor([near, far], { lat: 52.7, lng: 13.405 }, origin)).toBeNull();
  });
  it("lets the lowest sortOrder win where areas overlap", () => {
    expect(areaFor([near, box], origin, origin)?.id).toBe("box");
  });
  it("never matches a radius band without the location's position", () => {
    expect(areaContains(near, origin, null)).toBe(false);
  });
});
