import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { addDays, parseIsoDate, zonedInstant } from "../time/zoned";
import { parseInput } from "../validation";
import { RESERVATION_SELECT, reservationView } from "./reservation-view";
import { listReservationsSchema, type ListReservationsInput } from "./schemas";

/** The book of one local day (the location's time zone), by time; optionally one status. */
export async function listReservations(ctx: Ctx, raw: ListReservationsInput) {
  assertCan(ctx, "reservations.read");
  const input = parseInput(listReservationsSchema, raw);
  const location = await db.location.findUnique({ where: { id: ctx.locationId }, select: { timezone: true } });
  if (!location) throw notFound("Location");
  const date = parseIsoDate(input.date);
  const rows = await db.reservation.findMany({
    where: {
      locationId: ctx.locationId,
      status: input.status,
      startsAt: {
        gte: zonedInstant(date, 0, 0, location.timezone),
        lt: zonedInstant(addDays(date, 1), 0, 0, location.timezone),
      },
    },
    select: RESERVATION_SELECT,
    orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
    take: 1000,
  });
  return { date: input.date, timezone: location.timezone, reservations: rows.map(reservationView) };
}
