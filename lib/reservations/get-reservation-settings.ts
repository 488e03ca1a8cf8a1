import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { readDurations } from "./durations";
import { SERVICE_PERIOD_SELECT } from "./save-service-period";

/** What the reservation settings page edits: the location's booking settings and its active periods. */
export async function getReservationSettings(ctx: Ctx) {
  assertCan(ctx, "setup.manage");
  const [location, periods] = await Promise.all([
    db.location.findUnique({
      where: { id: ctx.locationId },
      select: {
        slug: true,
        name: true,
        reservationDurations: true,
        onlineBooking: true,
        onlineMaxPartySize: true,
        phone: true,
      },
    }),
    db.servicePeriod.findMany({
      where: { locationId: ctx.locationId, archivedAt: null },
      select: SERVICE_PERIOD_SELECT,
      orderBy: [{ startMinute: "asc" }, { name: "asc" }],
    }),
  ]);
  if (!location) throw notFound("Location");
  return { ...location, reservationDurations: readDurations(location.reservationDurations), periods };
}
