// Which driver should take what, and which ready orders should travel together. Pure rules
// (docs/adr/0047): the dispatch board shows them as suggestions, the dispatcher decides.
import { distanceMeters, type LatLng } from "./geo";
import { defaultRoutePlanner, type RoutePlanner } from "./optimise-route";

export type DriverLoad = {
  driverId: string;
  name: string;
  /** Orders assigned to the driver and not delivered, failed or cancelled yet. */
  load: number;
  /** Last shared position; null when the driver has not shared one this shift. */
  position: LatLng | null;
};

export type BatchableOrder = {
  orderId: string;
  promisedAt: Date;
  /** The drop-off; null when the address has no coordinates (it then travels alone). */
  position: LatLng | null;
};

export type BatchRules = {
  /** Most stops in one route. */
  maxStops: number;
  /** Every two stops of a batch lie at most this far apart (great circle). */
  maxGapMeters: number;
  /** Every two promised times of a batch lie at most this far apart. */
  windowMinutes: number;
};

export const DEFAULT_BATCH_RULES: BatchRules = { maxStops: 3, maxGapMeters: 1500, windowMinutes: 15 };

/** How far a driver is from the kitchen, where every route starts; an unknown position counts as there. */
function metresToKitchen(driver: DriverLoad, kitchen: LatLng | null): number {
  if (!driver.position || !kitchen) return 0;
  return distanceMeters(driver.position, kitchen);
}

/**
 * Drivers in the order they should get the next route: least loaded first, then nearest to the
 * kitchen (where the route starts), then by name and id so equal drivers keep a stable order.
 */
export function rankDrivers(drivers: readonly DriverLoad[], kitchen: LatLng | null): DriverLoad[] {
  return [...drivers].sort(
    (a, b) =>
      a.load - b.load ||
      metresToKitchen(a, kitchen) - metresToKitchen(b, kitchen) ||
      a.name.localeCompare(b.name) ||
      (a.driverId < b.driverId ? -1 : a.driverId > b.driverId ? 1 : 0),
  );
}

/** The driver to suggest for the next route, or null when nobody is on duty. */
export function suggestDriver(drivers: readonly DriverLoad[], kitchen: LatLng | null): DriverLoad | null {
  return rankDrivers(drivers, kitchen)[0] ?? null;
}

const byPromise = (a: BatchableOrder, b: BatchableOrder) =>
  a.promisedAt.getTime() - b.promisedAt.getTime() || (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0);

/**
 * Group orders into routes. Greedy and deterministic: take the unbatched order promised earliest
 * as a seed, then add, in promised order, each unbatched order whose promised time is within the
 * window of every order already in the batch and whose drop-off is within maxGapMeters of every
 * drop-off already in it (complete linkage: no chain of "close to the previous one" that ends
 * far from the first), until the batch has maxStops. Orders without coordinates travel alone.
 */
export function batchOrders<O extends BatchableOrder>(
  orders: readonly O[],
  rules: BatchRules = DEFAULT_BATCH_RULES,
): O[][] {
  const left = [...orders].sort(byPromise);
  const batches: O[][] = [];
  const windowMs = rules.windowMinutes * 60_000;
  while (left.length) {
    const seed = left.shift()!;
    const batch = [seed];
    if (seed.position) {
      for (let i = 0; i < left.length && batch.length < rules.maxStops;) {
        const candidate = left[i];
        const fits =
          candidate.position !== null &&
          batch.every(
            (o) =>
              Math.abs(o.promisedAt.getTime() - candidate.promisedAt.getTime()) <= windowMs &&
              distanceMeters(o.position!, candidate.position!) <= rules.maxGapMeters,
          );
        if (fits) {
          batch.push(candidate);
          left.splice(i, 1);
        } else {
          i++;
        }
      }
    }
    batches.push(batch);
  }
  return batches;
}

export type SuggestedBatch<O extends BatchableOrder> = {
  /** The orders in the optimised stop order. */
  orders: O[];
  totalMeters: number;
  etaMinutes: number[];
  driver: DriverLoad | null;
};

/**
 * Batches with a suggested driver each. Batches are served in promised order; each suggestion
 * counts as load for the next one, so two batches are not both offered to the same idle driver.
 */
export function suggestBatches<O extends BatchableOrder>(
  orders: readonly O[],
  drivers: readonly DriverLoad[],
  kitchen: LatLng | null,
  rules: BatchRules = DEFAULT_BATCH_RULES,
  planner: RoutePlanner = defaultRoutePlanner,
): SuggestedBatch<O>[] {
  const loads = drivers.map((d) => ({ ...d }));
  return batchOrders(orders, rules).map((batch) => {
    const located = batch.filter((o) => o.position);
    const planned = kitchen
      ? planner.plan(
          kitchen,
          located.map((o) => ({ id: o.orderId, lat: o.position!.lat, lng: o.position!.lng })),
        )
      : null;
    const byId = new Map(batch.map((o) => [o.orderId, o]));
    const ordered = planned
      ? [...planned.stops.map((s) => byId.get(s.id)!), ...batch.filter((o) => !o.position)]
      : batch;
    const driver = suggestDriver(loads, kitchen);
    if (driver) driver.load += batch.length;
    const original = driver ? drivers.find((d) => d.driverId === driver.driverId)! : null;
    return {
      orders: ordered,
      totalMeters: planned?.totalMeters ?? 0,
      etaMinutes: planned?.etaMinutes ?? [],
      driver: original,
    };
  });
}
