// Delivery areas and the online-ordering settings: input schemas and the polygon rules. No
// server-only import: the admin form parses typed coordinates with the same rules.
import { z } from "zod";
import type { FieldErrors } from "../errors";
import { idSchema, text } from "../validation";

export const latitudeSchema = z.number("Enter a latitude").min(-90, "Between -90 and 90").max(90, "Between -90 and 90");
export const longitudeSchema = z
  .number("Enter a longitude")
  .min(-180, "Between -180 and 180")
  .max(180, "Between -180 and 180");

export const MAX_POLYGON_POINTS = 200;
const MAX_METERS = 100_000;

const pointSchema = z.tuple([latitudeSchema, longitudeSchema]);

export const deliveryAreaFieldsSchema = z.object({
  name: text("Enter a name").trim().min(1, "Enter a name").max(60, "At most 60 characters"),
  kind: z.enum(["POLYGON", "RADIUS"], "Choose polygon or radius"),
  /** POLYGON: [[lat, lng], …], at least 3 points; a repeated first point at the end is dropped. */
  polygon: z.array(pointSchema).max(MAX_POLYGON_POINTS, `At most ${MAX_POLYGON_POINTS} points`).nullable().optional(),
  minMeters: z.number().int("Whole metres").min(0, "Cannot be negative").max(MAX_METERS, "Too far").optional(),
  maxMeters: z.number().int("Whole metres").min(1, "Must be positive").max(MAX_METERS, "Too far").nullable().optional(),
  feeCents: z.number().int("Whole cents").min(0, "Cannot be negative").max(100_000, "Too large"),
  minimumCents: z.number().int("Whole cents").min(0, "Cannot be negative").max(1_000_000, "Too large"),
  travelMinutes: z.number().int("Whole minutes").min(0, "Cannot be negative").max(240, "At most 240 minutes"),
  sortOrder: z.number().int("A whole number").min(0, "Cannot be negative").max(1000, "At most 1000").optional(),
});

/** The shape rules a set of fields must meet whichever way they arrived (create, or an edit merged with the row). */
export function areaShapeErrors(input: {
  kind: "POLYGON" | "RADIUS";
  polygon?: readonly (readonly [number, number])[] | null;
  minMeters?: number;
  maxMeters?: number | null;
}): FieldErrors {
  if (input.kind === "POLYGON") {
    const ring = input.polygon ? closedRingDropped(input.polygon) : [];
    if (ring.length < 3) return { polygon: ["A polygon needs at least 3 points"] };
    if (hasRepeatedPoint(ring)) return { polygon: ["A point is listed twice"] };
    const crossing = selfIntersection(ring);
    if (crossing) return { polygon: [`The outline crosses itself (edges ${crossing[0] + 1} and ${crossing[1] + 1})`] };
    return {};
  }
  if (input.maxMeters == null) return { maxMeters: ["Enter the outer radius"] };
  if (input.maxMeters <= (input.minMeters ?? 0)) return { maxMeters: ["Must be more than the inner radius"] };
  return {};
}

export const deliveryAreaSchema = deliveryAreaFieldsSchema.superRefine((input, ctx) => {
  for (const [path, messages] of Object.entries(areaShapeErrors(input))) {
    for (const message of messages) ctx.addIssue({ code: "custom", path: [path], message });
  }
});
export type DeliveryAreaInput = z.input<typeof deliveryAreaSchema>;

export const updateDeliveryAreaSchema = deliveryAreaFieldsSchema.partial();
export type UpdateDeliveryAreaInput = z.input<typeof updateDeliveryAreaSchema>;

export const deliveryAreaIdSchema = z.object({ id: idSchema });

export const deliverySettingsSchema = z
  .object({
    onlineOrdering: z.boolean().optional(),
    latitude: latitudeSchema.nullable().optional(),
    longitude: longitudeSchema.nullable().optional(),
    onlinePrepMinutes: z.number().int("Whole minutes").min(1, "At least 1 minute").max(240, "At most 240").optional(),
    onlineSlotCapacity: z.number().int("A whole number").min(1, "At least 1 order").max(500, "At most 500").optional(),
  })
  .refine((s) => (s.latitude === undefined) === (s.longitude === undefined), {
    path: ["longitude"],
    message: "Set latitude and longitude together",
  })
  .refine((s) => (s.latitude === null) === (s.longitude === null), {
    path: ["longitude"],
    message: "Clear latitude and longitude together",
  });
export type DeliverySettingsInput = z.input<typeof deliverySettingsSchema>;

// ---- Polygon rules ------------------------------------------------------------------------------

/** A pasted ring often repeats its first point at the end: the ring closes itself, so drop it. */
export function closedRingDropped<P extends readonly [number, number]>(ring: readonly P[]): P[] {
  const out = [...ring];
  if (out.length > 1) {
    const [a, b] = [out[0], out[out.length - 1]];
    if (a[0] === b[0] && a[1] === b[1]) out.pop();
  }
  return out;
}

function hasRepeatedPoint(ring: readonly (readonly [number, number])[]): boolean {
  return new Set(ring.map(([lat, lng]) => `${lat},${lng}`)).size !== ring.length;
}

type P = readonly [number, number];
const orient = (a: P, b: P, c: P) => Math.sign((b[1] - a[1]) * (c[0] - a[0]) - (b[0] - a[0]) * (c[1] - a[1]));
const within = (a: P, b: P, c: P) =>
  Math.min(a[0], b[0]) <= c[0] &&
  c[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= c[1] &&
  c[1] <= Math.max(a[1], b[1]);

function segmentsIntersect(p1: P, p2: P, q1: P, q2: P): boolean {
  const [d1, d2, d3, d4] = [orient(q1, q2, p1), orient(q1, q2, p2), orient(p1, p2, q1), orient(p1, p2, q2)];
  if (d1 !== d2 && d3 !== d4 && d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) return true;
  return (
    (d1 === 0 && within(q1, q2, p1)) ||
    (d2 === 0 && within(q1, q2, p2)) ||
    (d3 === 0 && within(p1, p2, q1)) ||
    (d4 === 0 && within(p1, p2, q2))
  );
}

/** The first pair of non-adjacent edges that touch or cross (edge i runs from point i to i+1), or null. */
export function selfIntersection(ring: readonly P[]): [number, number] | null {
  const n = ring.length;
  if (n < 4) return null;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing edge
      if (segmentsIntersect(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n])) return [i, j];
    }
  }
  return null;
}

/**
 * Typed or pasted coordinates → points: one "lat, lng" per line (commas, spaces or tabs between;
 * blank lines ignored). Errors name the line, as a person counts them (from 1).
 */
export function parsePointsText(input: string): { points: [number, number][] } | { error: string } {
  const points: [number, number][] = [];
  const lines = input.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const parts = line.split(/[\s,;]+/).filter(Boolean);
    const [lat, lng] = parts.map(Number);
    if (parts.length !== 2 || !Number.isFinite(lat) || !Number.isFinite(lng)) {
      return { error: `Line ${i + 1}: write "latitude, longitude"` };
    }
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return { error: `Line ${i + 1}: out of range` };
    points.push([lat, lng]);
  }
  return { points };
}
