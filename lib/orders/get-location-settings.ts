import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";

/** The acting location's settings the floor and kitchen screens need (no secrets, no prices). */
export async function getLocationSettings(ctx: Pick<Ctx, "locationId">) {
  return db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: {
      name: true,
      currency: true,
      timezone: true,
      taxRateBps: true,
      kdsWarnMinutes: true,
      kdsLateMinutes: true,
    },
  });
}
