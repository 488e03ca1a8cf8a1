import "server-only";
import { cache } from "react";
import type { Ctx } from "../auth/context";
import { db } from "../db";

const LOCATION_SETTINGS = {
  id: true,
  slug: true,
  name: true,
  timezone: true,
  currency: true,
  taxRateBps: true,
  kdsWarnMinutes: true,
  kdsLateMinutes: true,
} as const;

// One read per request however many components ask (React's request-scoped cache).
const byId = cache((locationId: string) =>
  db.location.findUniqueOrThrow({ where: { id: locationId }, select: LOCATION_SETTINGS }),
);

/** The acting location's settings (name, time zone, currency, tax, kitchen targets). */
export function getLocation(ctx: Pick<Ctx, "locationId">) {
  return byId(ctx.locationId);
}
