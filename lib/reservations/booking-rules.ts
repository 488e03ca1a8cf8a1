import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { localDateOf } from "../time/zoned";
import { loadBookingDay, type BookingDay } from "./booking-day";
import { durationFor } from "./durations";
import { doubleBookingError } from "./reservation-db-errors";
import {
  busyTables,
  fittingCombos,
  largestParty,
  periodAt,
  REFUSAL_TEXT,
  slotLoad,
  slotStartOf,
  slotStarts,
  type Combo,
  type SlotPeriod,
} from "./slot-math";

/** A booking may start this long ago (the host books the party standing at the desk). */
const PAST_GRACE_MS = 5 * 60_000;

export type BookingRequest = {
  startsAt: Date;
  partySize: number;
  durationMinutes?: number;
  tableIds?: string[];
  /** The booking being edited: its own load and tables do not count against it. */
  exceptReservationId?: string;
  /** An edit that keeps the start (a party that arrived late grows by one): the time may have passed. */
  keepsStart?: boolean;
};

/**
 * Serialises bookings of one location (pacing counts what others just booked). The exclusion
 * constraint would refuse a double-booked table anyway; the lock makes the covers and parties
 * per slot exact too.
 */
export async function lockBookings(tx: Tx, locationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${"reservations:" + locationId}))`;
}

function assertPace(day: BookingDay, period: SlotPeriod, req: BookingRequest): void {
  const slotStart = slotStartOf(period, req.startsAt, day.timezone);
  const load = slotLoad(day.bookings, slotStart, period.slotMinutes, req.exceptReservationId);
  if (load.covers + req.partySize > period.maxCoversPerSlot)
    throw new AppError("CONFLICT", `${REFUSAL_TEXT.COVERS_FULL}: ${load.covers} of ${period.maxCoversPerSlot} booked`, {
      startsAt: [REFUSAL_TEXT.COVERS_FULL],
    });
  if (load.parties + 1 > period.maxPartiesPerSlot)
    throw new AppError("CONFLICT", REFUSAL_TEXT.PARTIES_FULL, { startsAt: [REFUSAL_TEXT.PARTIES_FULL] });
}

function invalid(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { [field]: [message] });
}

/**
 * Checks a booking against the rules (not past, within service hours, pacing, tables that exist,
 * seat the party and are free for the stay) and picks its tables when none are given.
 */
export async function checkBooking(
  tx: Tx,
  ctx: Pick<Ctx, "locationId">,
  req: BookingRequest,
  now = new Date(),
): Promise<{ day: BookingDay; durationMinutes: number; tableIds: string[] }> {
  const probe = await tx.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { timezone: true } });
  const day = await loadBookingDay(ctx.locationId, localDateOf(req.startsAt, probe.timezone), tx);
  if (!req.keepsStart && req.startsAt.getTime() < now.getTime() - PAST_GRACE_MS)
    throw invalid("startsAt", "This time has passed");

  // A kept start was checked when it was booked (and the hours may have changed since): only a new
  // start must fall within service hours; pacing applies wherever a period holds the start.
  const period = periodAt(day.periods, req.startsAt, day.timezone);
  if (!period && !req.keepsStart) {
    const open = day.periods.length
      ? slotStarts(day.periods, localDateOf(req.startsAt, day.timezone), day.timezone).length
        ? "Outside service hours that day"
        : "Closed that day"
      : "This location has no service hours set up for reservations";
    throw invalid("startsAt", open);
  }

  const largest = largestParty(day.combos);
  if (req.partySize > largest)
    throw invalid(
      "partySize",
      largest
        ? `No table or combination seats ${req.partySize}; the largest takes ${largest}`
        : "This location has no tables to book",
    );

  const durationMinutes = req.durationMinutes ?? durationFor(req.partySize, day.durations);
  // Pacing spreads arrivals; a party already at the door (its kept start has come) is past pacing.
  if (period && (!req.keepsStart || req.startsAt > now)) assertPace(day, period, req);

  const endsAt = new Date(req.startsAt.getTime() + durationMinutes * 60_000);
  const busy = busyTables(day.bookings, req.startsAt, endsAt, req.exceptReservationId);
  if (req.tableIds?.length) {
    const chosen = req.tableIds.map((id) => day.tables.find((t) => t.id === id));
    if (chosen.some((t) => !t)) throw invalid("tableIds", "Table not found");
    const tables = chosen as NonNullable<(typeof chosen)[number]>[];
    if (new Set(tables.map((t) => t.areaId)).size > 1)
      throw invalid("tableIds", "Tables joined together must be in one area");
    const seats = tables.reduce((n, t) => n + t.seats, 0);
    if (seats < req.partySize) throw invalid("tableIds", `These tables seat ${seats}; the party is ${req.partySize}`);
    if (tables.some((t) => busy.has(t.id))) throw doubleBookingError();
    return { day, durationMinutes, tableIds: tables.map((t) => t.id) };
  }
  const combo: Combo | undefined = fittingCombos(day.combos, req.partySize).find((c) =>
    c.tables.every((t) => !busy.has(t.id)),
  );
  if (!combo) {
    throw new AppError("CONFLICT", REFUSAL_TEXT.NO_TABLE, { startsAt: [REFUSAL_TEXT.NO_TABLE] });
  }
  return { day, durationMinutes, tableIds: combo.tables.map((t) => t.id) };
}
