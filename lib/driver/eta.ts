// How long until the driver reaches each door. Pure (server and tests): great-circle legs
// stretched for streets, at an assumed city speed, plus a minute or so at every earlier door.
import { distanceMeters, type LatLng } from "../delivery/geo";

/** Average speed of a car or scooter in town, traffic lights included. */
export const CITY_SPEED_KMH = 25;
/** Streets are not straight lines: road distance is about 1.3× the great circle in a city grid. */
export const DETOUR_FACTOR = 1.3;
/** Parking, stairs and handing over at each stop before this one. */
export const STOP_MINUTES = 2;

/** Minutes to drive from `from` to `to` (rounded up; 0 when already there). */
export function legMinutes(from: LatLng, to: LatLng, speedKmh = CITY_SPEED_KMH): number {
  const km = (distanceMeters(from, to) * DETOUR_FACTOR) / 1000;
  return Math.ceil((km / speedKmh) * 60);
}

/**
 * Minutes to each stop in route order from the driver's position: the first stop is the next
 * leg; each later one adds the legs between and the time spent at the doors before it. A stop
 * without coordinates gets null and is skipped for the ones after it.
 */
export function routeEtas(
  position: LatLng,
  stops: readonly (LatLng | null)[],
  speedKmh = CITY_SPEED_KMH,
): (number | null)[] {
  const out: (number | null)[] = [];
  let at = position;
  let minutes = 0;
  let doorsBefore = 0;
  for (const stop of stops) {
    if (!stop) {
      out.push(null);
      continue;
    }
    minutes += legMinutes(at, stop, speedKmh);
    out.push(Math.min(600, minutes + doorsBefore * STOP_MINUTES));
    at = stop;
    doorsBefore += 1;
  }
  return out;
}
