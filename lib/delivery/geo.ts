// Great-circle distances and delivery-area containment. Pure: the ordering site, the dispatch
// board and route optimisation all use it, server and client.

export type LatLng = { lat: number; lng: number };

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Haversine distance in metres. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Ray casting on lat/lng as a plane: exact enough for a delivery zone a few kilometres across
 * (not for polygons spanning the antimeridian). A point on an edge counts as inside.
 */
export function insidePolygon(p: LatLng, ring: readonly (readonly [number, number])[]): boolean {
  if (ring.length < 3) return false;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [yi, xi] = ring[i];
    const [yj, xj] = ring[j];
    if (onSegment(p, [yi, xi], [yj, xj])) return true;
    const crosses = yi > p.lat !== yj > p.lat && p.lng < ((xj - xi) * (p.lat - yi)) / (yj - yi) + xi;
    if (crosses) inside = !inside;
  }
  return inside;
}

function onSegment(p: LatLng, [ay, ax]: readonly [number, number], [by, bx]: readonly [number, number]): boolean {
  const cross = (p.lng - ax) * (by - ay) - (p.lat - ay) * (bx - ax);
  if (Math.abs(cross) > 1e-12) return false;
  return (
    Math.min(ax, bx) - 1e-12 <= p.lng &&
    p.lng <= Math.max(ax, bx) + 1e-12 &&
    Math.min(ay, by) - 1e-12 <= p.lat &&
    p.lat <= Math.max(ay, by) + 1e-12
  );
}

export type AreaShape = {
  id: string;
  kind: "POLYGON" | "RADIUS";
  polygon: unknown;
  minMeters: number;
  maxMeters: number | null;
  sortOrder: number;
};

/** A stored polygon as [lat, lng] pairs; null when the JSON is not one. */
export function polygonOf(json: unknown): [number, number][] | null {
  if (!Array.isArray(json) || json.length < 3) return null;
  const ring: [number, number][] = [];
  for (const pt of json) {
    if (!Array.isArray(pt) || pt.length !== 2) return null;
    const [lat, lng] = pt;
    if (typeof lat !== "number" || typeof lng !== "number" || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
    ring.push([lat, lng]);
  }
  return ring;
}

/** Whether an area holds a point; radius bands are measured from the location (no origin: never). */
export function areaContains(area: AreaShape, point: LatLng, origin: LatLng | null): boolean {
  if (area.kind === "POLYGON") {
    const ring = polygonOf(area.polygon);
    return ring ? insidePolygon(point, ring) : false;
  }
  if (!origin || area.maxMeters == null) return false;
  const d = distanceMeters(origin, point);
  return d >= area.minMeters && d < area.maxMeters;
}

/** The area that serves a point: the first by sortOrder (then id) that holds it; null outside all. */
export function areaFor<A extends AreaShape>(areas: readonly A[], point: LatLng, origin: LatLng | null): A | null {
  const ordered = [...areas].sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
  return ordered.find((a) => areaContains(a, point, origin)) ?? null;
}
