import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { isoDate, localDateOf, parseIsoDate } from "../time/zoned";
import { parseInput } from "../validation";
import { weekdayOf } from "./slot-math";
import { hostDaySchema, type HostDayInput } from "./schemas";

/**
 * What the host stand's timeline is drawn on for one local date: the service periods open that
 * weekday (local minutes) and the bookable tables by area. The bookings come from listReservations.
 */
export async function loadHostDay(ctx: Ctx, raw: HostDayInput, now = new Date()) {
  assertCan(ctx, "reservations.read");
  const input = parseInput(hostDaySchema, raw);
  const weekday = weekdayOf(parseIsoDate(input.date));
  const location = await db.location.findUnique({ where: { id: ctx.locationId }, select: { timezone: true } });
  if (!location) throw notFound("Location");
  const [periods, areas] = await Promise.all([
    db.servicePeriod.findMany({
      where: { locationId: ctx.locationId, archivedAt: null, daysOfWeek: { has: weekday } },
      select: { id: true, name: true, startMinute: true, endMinute: true },
      orderBy: { startMinute: "asc" },
    }),
    db.floorArea.findMany({
      where: { locationId: ctx.locationId, archivedAt: null },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        tables: { where: { archivedAt: null }, select: { id: true, label: true, seats: true } },
      },
    }),
  ]);
  return {
    date: input.date,
    timezone: location.timezone,
    today: isoDate(localDateOf(now, location.timezone)),
    periods,
    areas: areas.map((a) => ({
      ...a,
      tables: a.tables.sort((x, y) => x.label.localeCompare(y.label, undefined, { numeric: true })),
    })),
  };
}
