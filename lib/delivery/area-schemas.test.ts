import { describe, expect, it } from "vitest";
import {
  areaShapeErrors,
  deliveryAreaSchema,
  deliverySettingsSchema,
  parsePointsText,
  selfIntersection,
} from "./area-schemas";

const square: [number, number][] = [
  [40.7395, -73.9795],
  [40.7395, -73.9745],
  [40.7445, -73.9745],
  [40.7445, -73.9795],
];
const base = { name: "Zone", feeCents: 199, minimumCents: 1200, travelMinutes: 10 };

describe("polygon rules", () => {
  it("accepts a square, also with its first point repeated at the end", () => {
    expect(areaShapeErrors({ kind: "POLYGON", polygon: square })).toEqual({});
    expect(areaShapeErrors({ kind: "POLYGON", polygon: [...square, square[0]] })).toEqual({});
  });

  it("refuses fewer than 3 points, a repeated point and a bow tie", () => {
    expect(areaShapeErrors({ kind: "POLYGON", polygon: square.slice(0, 2) }).polygon).toEqual([
      "A polygon needs at least 3 points",
    ]);
    expect(areaShapeErrors({ kind: "POLYGON", polygon: null }).polygon).toHaveLength(1);
    expect(areaShapeErrors({ kind: "POLYGON", polygon: [square[0], square[1], square[1], square[2]] }).polygon).toEqual(
      ["A point is listed twice"],
    );
    const bowTie = [square[0], square[2], square[1], square[3]];
    expect(selfIntersection(bowTie)).toEqual([0, 2]);
    expect(areaShapeErrors({ kind: "POLYGON", polygon: bowTie }).polygon?.[0]).toMatch(/crosses itself/);
  });

  it("finds no crossing in a concave (L-shaped) outline", () => {
    const l: [number, number][] = [
      [0, 0],
      [0, 2],
      [1, 2],
      [1, 1],
      [2, 1],
      [2, 0],
    ];
    expect(selfIntersection(l)).toBeNull();
  });
});

describe("radius rules", () => {
  it("needs an outer radius beyond the inner one", () => {
    expect(areaShapeErrors({ kind: "RADIUS", minMeters: 0, maxMeters: 2000 })).toEqual({});
    expect(areaShapeErrors({ kind: "RADIUS", minMeters: 0, maxMeters: null }).maxMeters).toEqual([
      "Enter the outer radius",
    ]);
    expect(areaShapeErrors({ kind: "RADIUS", minMeters: 2000, maxMeters: 2000 }).maxMeters).toEqual([
      "Must be more than the inner radius",
    ]);
  });
});

describe("deliveryAreaSchema", () => {
  it("puts field errors on the fields", () => {
    const bad = deliveryAreaSchema.safeParse({ ...base, kind: "POLYGON", polygon: [[91, 0]], feeCents: -1 });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("polygon.0.0");
    expect(paths).toContain("feeCents");
    const radius = deliveryAreaSchema.safeParse({ ...base, kind: "RADIUS", minMeters: 500, maxMeters: 100 });
    expect(radius.error?.issues.map((i) => i.path.join("."))).toEqual(["maxMeters"]);
    expect(deliveryAreaSchema.safeParse({ ...base, kind: "POLYGON", polygon: square }).success).toBe(true);
  });
});

describe("deliverySettingsSchema", () => {
  it("needs latitude and longitude together", () => {
    expect(deliverySettingsSchema.safeParse({ latitude: 40 }).success).toBe(false);
    expect(deliverySettingsSchema.safeParse({ latitude: 40, longitude: null }).success).toBe(false);
    expect(deliverySettingsSchema.safeParse({ latitude: 40, longitude: -73 }).success).toBe(true);
    expect(deliverySettingsSchema.safeParse({ latitude: null, longitude: null }).success).toBe(true);
    expect(deliverySettingsSchema.safeParse({ onlinePrepMinutes: 0 }).success).toBe(false);
  });
});

describe("parsePointsText", () => {
  it("reads one point per line with commas or spaces, skipping blank lines", () => {
    expect(parsePointsText("40.1, -73.2\n\n40.2 -73.3\r\n40.3;-73.4")).toEqual({
      points: [
        [40.1, -73.2],
        [40.2, -73.3],
        [40.3, -73.4],
      ],
    });
  });

  it("names the line that is wrong", () => {
    expect(parsePointsText("40.1, -73.2\nforty, -73")).toEqual({ error: 'Line 2: write "latitude, longitude"' });
    expect(parsePointsText("40.1, -73.2, 5")).toEqual({ error: 'Line 1: write "latitude, longitude"' });
    expect(parsePointsText("95, 0")).toEqual({ error: "Line 1: out of range" });
  });
});
