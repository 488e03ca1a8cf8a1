// The stop order of a delivery route. Pure and deterministic (same input → same order), so the
// dispatch board's preview and the route the assignment stores agree. A routing service (road
// distances, traffic) can replace the default by implementing RoutePlanner.
import { distanceMeters, type LatLng } from "./geo";

export type RouteStop = LatLng & { id: string };

export type PlannedRoute<S extends RouteStop = RouteStop> = {
  /** The stops in delivery order (the origin is not one of them). */
  stops: S[];
  /** Kitchen → first stop → … → last stop (no way back: the driver may take the next route from anywhere). */
  totalMeters: number;
  /** Minutes of each leg at the planner's assumed speed: legMinutes[i] ends at stops[i]. */
  legMinutes: number[];
  /** Cumulative minutes from leaving the kitchen to each stop (without time at the door). */
  etaMinutes: number[];
};

export interface RoutePlanner {
  plan<S extends RouteStop>(origin: LatLng, stops: readonly S[]): PlannedRoute<S>;
}

/** A city driver's average over the straight line (bike or scooter, lights, parking). */
export const DEFAULT_SPEED_KMH = 18;

/** The path length from the origin through the stops in this order. */
function pathMeters(origin: LatLng, stops: readonly LatLng[]): number {
  let total = 0;
  let at = origin;
  for (const s of stops) {
    total += distanceMeters(at, s);
    at = s;
  }
  return total;
}

/** Nearest neighbour from the origin; ties go to the stop listed first (ids sorted by the caller). */
function nearestNeighbour<S extends RouteStop>(origin: LatLng, stops: readonly S[]): S[] {
  const left = [...stops];
  const out: S[] = [];
  let at: LatLng = origin;
  while (left.length) {
    let best = 0;
    let bestD = Infinity;
    for (let i = 0; i < left.length; i++) {
      const d = distanceMeters(at, left[i]);
      if (d < bestD - 1e-9) {
        best = i;
        bestD = d;
      }
    }
    const [next] = left.splice(best, 1);
    out.push(next);
    at = next;
  }
  return out;
}

/**
 * 2-opt on an open path that starts at the origin: reverse stops[i..k] whenever that shortens the
 * path, until no reversal helps. Edges are (prev, stops[i]) and (stops[k], next) where prev is the
 * origin for i = 0 and next is nothing for the last stop (an open path has no closing edge).
 */
function twoOpt<S extends RouteStop>(origin: LatLng, route: S[]): S[] {
  const r = [...route];
  const n = r.length;
  const at = (i: number): LatLng => (i < 0 ? origin : r[i]);
  let improved = true;
  let rounds = 0;
  while (improved && rounds++ < 100) {
    improved = false;
    for (let i = 0; i < n - 1; i++) {
      for (let k = i + 1; k < n; k++) {
        const a = at(i - 1);
        const b = r[i];
        const c = r[k];
        const before = distanceMeters(a, b) + (k + 1 < n ? distanceMeters(c, r[k + 1]) : 0);
        const after = distanceMeters(a, c) + (k + 1 < n ? distanceMeters(b, r[k + 1]) : 0);
        if (after < before - 1e-6) {
          r.splice(i, k - i + 1, ...r.slice(i, k + 1).reverse());
          improved = true;
        }
      }
    }
  }
  return r;
}

/** Nearest neighbour, then 2-opt, over great-circle distances; ETAs at a constant speed. */
export class GreatCirclePlanner implements RoutePlanner {
  constructor(private readonly speedKmh = DEFAULT_SPEED_KMH) {}

  plan<S extends RouteStop>(origin: LatLng, stops: readonly S[]): PlannedRoute<S> {
    // Sorting by id first makes the result independent of the order the caller listed the stops in.
    const sorted = [...stops].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const ordered =
      sorted.length > 2 ? twoOpt(origin, nearestNeighbour(origin, sorted)) : nearestNeighbour(origin, sorted);
    const metresPerMinute = (this.speedKmh * 1000) / 60;
    const legMinutes: number[] = [];
    const etaMinutes: number[] = [];
    let at: LatLng = origin;
    let elapsed = 0;
    for (const s of ordered) {
      const leg = distanceMeters(at, s) / metresPerMinute;
      elapsed += leg;
      legMinutes.push(Math.ceil(leg));
      etaMinutes.push(Math.ceil(elapsed));
      at = s;
    }
    return { stops: ordered, totalMeters: Math.round(pathMeters(origin, ordered)), legMinutes, etaMinutes };
  }
}

/** The planner the assignment and the board use. */
export const defaultRoutePlanner: RoutePlanner = new GreatCirclePlanner();

/** Exported for tests: the nearest-neighbour order alone (to compare with the optimised one). */
export function nearestNeighbourOrder<S extends RouteStop>(origin: LatLng, stops: readonly S[]): S[] {
  return nearestNeighbour(
    origin,
    [...stops].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  );
}

export { pathMeters };
