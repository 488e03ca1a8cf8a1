import "server-only";
import type { Tx } from "../db";
import { db } from "../db";
import { notFound } from "../errors";
import { addDays, zonedInstant, type LocalDate } from "../time/zoned";
import { readDurations } from "./durations";
import { HOLDING_STATUSES } from "./reservation-state";
import { allCombos, type Combo, type SlotBooking, type SlotPeriod, type SlotTable } from "./slot-math";

/** Longest stay the database allows (Reservation_duration_range): bookings this far back may still hold a table. */
const MAX_STAY_MS = 480 * 60_000;

export type BookingDay = {
  timezone: string;
  country: string;
  durations: Record<string, number>;
  periods: SlotPeriod[];
  tables: SlotTable[];
  combos: Combo[];
  /** Active bookings that may overlap the day (from eight hours before it to eight hours after). */
  bookings: SlotBooking[];
};

/** What the slot math needs for one local date: the location, its periods and tables, the bookings (one query). */
export async function loadBookingDay(locationId: string, date: LocalDate, client: Tx = db): Promise<BookingDay> {
  const location = await client.location.findUnique({
    where: { id: locationId },
    select: { timezone: true, country: true, reservationDurations: true },
  });
  if (!location) throw notFound("Location");
  const [periods, tables, rows] = await Promise.all([
    client.servicePeriod.findMany({ where: { locationId, archivedAt: null }, orderBy: { startMinute: "asc" } }),
    client.diningTable.findMany({
      where: { locationId, archivedAt: null, area: { archivedAt: null } },
      select: { id: true, label: true, seats: true, areaId: true, posX: true, posY: true, width: true, height: true },
    }),
    client.reservation.findMany({
      where: {
        locationId,
        status: { in: [...HOLDING_STATUSES] },
        startsAt: {
          gte: new Date(zonedInstant(date, 0, 0, location.timezone).getTime() - MAX_STAY_MS),
          lt: new Date(zonedInstant(addDays(date, 1), 0, 0, location.timezone).getTime() + MAX_STAY_MS),
        },
      },
      select: {
        id: true,
        startsAt: true,
        durationMinutes: true,
        partySize: true,
        tables: { select: { tableId: true } },
      },
    }),
  ]);
  return {
    timezone: location.timezone,
    country: location.country,
    durations: readDurations(location.reservationDurations),
    periods,
    tables,
    combos: allCombos(tables),
    bookings: rows.map((r) => ({
      reservationId: r.id,
      startsAt: r.startsAt,
      endsAt: new Date(r.startsAt.getTime() + r.durationMinutes * 60_000),
      partySize: r.partySize,
      tableIds: r.tables.map((t) => t.tableId),
    })),
  };
}

export function minuteText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}
