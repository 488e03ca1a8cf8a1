import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { AppError } from "../errors";
import { rateLimitedError } from "../http/rate-limit-headers";
import { publishTrackingPosition } from "../online/tracking-channel";
import { limiter } from "../ops/rate-limit";
import { parseInput } from "../validation";
import { routeEtas } from "./eta";
import { positionSchema, type PositionInput } from "./schemas";

/** A phone clock further off than this is ignored: the server's time is used. */
const MAX_CLOCK_SKEW_MS = 2 * 60_000;

/**
 * The driver's position while delivering: kept on the open shift (the dispatch board shows it)
 * and sent to the tracking page of each order they carry, each with its own ETA along the route.
 * Refused (409) when nothing is out: the app stops sending, and nobody is tracked off the job.
 */
export async function sharePosition(ctx: Ctx, raw: PositionInput) {
  assertCan(ctx, "delivery.drive");
  const input = parseInput(positionSchema, raw);
  const l = limiter("driver-position");
  const verdict = await l.limit(ctx.userId);
  if (!verdict.success)
    throw rateLimitedError(l.policy, verdict, "Position sent too often; once every few seconds is enough");

  const out = await db.onlineOrder.findMany({
    where: { locationId: ctx.locationId, driverId: ctx.userId, status: "OUT_FOR_DELIVERY" },
    orderBy: [{ pickedUpAt: "asc" }, { routeSeq: "asc" }],
    select: { trackingToken: true, latitude: true, longitude: true },
  });
  if (out.length === 0)
    throw new AppError("INVALID_STATE", "Nothing is out for delivery; the position is shared only while delivering");

  const now = new Date();
  const sent = input.at === undefined ? null : new Date(input.at).getTime();
  const at = sent !== null && Math.abs(sent - now.getTime()) <= MAX_CLOCK_SKEW_MS ? sent : now.getTime();
  const updated = await db.driverShift.updateMany({
    where: { locationId: ctx.locationId, driverId: ctx.userId, endedAt: null },
    data: { lastLatitude: input.lat, lastLongitude: input.lng, lastPositionAt: new Date(at) },
  });
  if (updated.count === 0) throw new AppError("INVALID_STATE", "You are off duty; go on duty to share your position");

  const here = { lat: input.lat, lng: input.lng };
  const etas = routeEtas(
    here,
    out.map((o) => (o.latitude !== null && o.longitude !== null ? { lat: o.latitude, lng: o.longitude } : null)),
  );
  out.forEach((o, i) =>
    publishTrackingPosition(ctx.locationId, [o.trackingToken], { ...here, at, etaMinutes: etas[i] ?? null }),
  );
  return { shared: out.length, at: new Date(at), etaMinutes: etas[0] ?? null };
}
