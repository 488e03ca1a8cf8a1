import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { log } from "../log";
import { lockBookings } from "../reservations/booking-rules";
import { moveReservation } from "../reservations/change-reservation-status";
import { insertReservation } from "../reservations/create-reservation";
import { publishReservationChanged } from "../reservations/publish-reservation-changed";
import { refusingDoubleBooking } from "../reservations/reservation-db-errors";
import { createReservationSchema } from "../reservations/schemas";
import { seatReservation } from "../reservations/seat-reservation";
import { parseInput } from "../validation";
import { refusalFor } from "./change-waitlist-status";
import { loadQuoteFloor } from "./load-quote-floor";
import { publishWaitlistChanged } from "./publish-waitlist-changed";
import { quoteFor } from "./quote-math";
import { seatWaitlistEntrySchema, type SeatWaitlistEntryInput } from "./schemas";
import { ENTRY_SELECT, entryView, lockWaitlist } from "./waitlist-view";

/**
 * Seat a waiting party: in one transaction the entry is claimed (a guarded UPDATE to SEATED, so a
 * second tap gets a 409) and a WALK_IN reservation starting now holds the chosen tables (the
 * exclusion constraint refuses a table someone holds) and is linked to it; then the reservation is
 * seated, which opens the table's order. Should seating fail (the table's last party has not
 * closed its order), the booking is cancelled and the entry goes back to the queue.
 */
export async function seatWaitlistEntry(ctx: Ctx, raw: SeatWaitlistEntryInput) {
  assertCan(ctx, "waitlist.manage");
  const input = parseInput(seatWaitlistEntrySchema, raw);
  const now = new Date();
  const claimed = await refusingDoubleBooking(() =>
    db.$transaction(async (tx) => {
      await lockBookings(tx, ctx.locationId);
      await lockWaitlist(tx, ctx.locationId);
      const before = await tx.waitlistEntry.findFirst({
        where: { id: input.id, locationId: ctx.locationId },
        select: { status: true, partySize: true, notes: true, guestId: true, tokenHash: true },
      });
      const moved = await tx.waitlistEntry.updateMany({
        where: { id: input.id, locationId: ctx.locationId, status: { in: ["WAITING", "NOTIFIED"] } },
        data: { status: "SEATED", seatedAt: now },
      });
      if (!before || moved.count === 0) throw await refusalFor(tx, ctx, input.id);
      // Without tables named, the best fit among those free now (the quote model knows who sits
      // where; the booking rules know only bookings).
      let tableIds = input.tableIds;
      if (!tableIds?.length) {
        const now = await loadQuoteFloor(ctx.locationId, new Date(), tx);
        const best = quoteFor(now, [], before.partySize);
        if (!best || best.minutes > 0) {
          const message = "No table that seats this party is free now; pick tables";
          throw new AppError("CONFLICT", message, { tableIds: [message] });
        }
        tableIds = best.tableIds;
      }
      const booked = await insertReservation(
        tx,
        ctx,
        parseInput(createReservationSchema, {
          guestId: before.guestId,
          partySize: before.partySize,
          startsAt: now.toISOString(),
          tableIds,
          notes: before.notes,
          source: "WALK_IN",
        }),
        { walkIn: true },
      );
      await tx.waitlistEntry.update({ where: { id: input.id }, data: { reservationId: booked.reservation.id } });
      await auditAs(
        ctx,
        {
          action: "waitlist.seated",
          entityType: "WaitlistEntry",
          entityId: input.id,
          details: { reservationId: booked.reservation.id, tableIds: booked.reservation.tables.map((t) => t.id) },
        },
        tx,
      );
      return { ...booked, previous: before.status, tokenHash: before.tokenHash };
    }, TX_OPTIONS),
  );
  const reservationId = claimed.reservation.id;
  try {
    await seatReservation(ctx, { id: reservationId });
  } catch (error) {
    await db
      .$transaction(async (tx) => {
        await moveReservation(tx, ctx, reservationId, "CANCELLED", { reason: "Walk-in could not be seated" });
        await tx.waitlistEntry.updateMany({
          where: { id: input.id, locationId: ctx.locationId, reservationId },
          data: { status: claimed.previous, seatedAt: null, reservationId: null },
        });
      })
      .catch((undo: unknown) =>
        log.error("walk-in seat not undone", { entryId: input.id, reservationId, error: undo }),
      );
    throw error;
  }
  const entry = entryView(await db.waitlistEntry.findUniqueOrThrow({ where: { id: input.id }, select: ENTRY_SELECT }));
  publishReservationChanged(ctx, {
    reservationId,
    status: "SEATED",
    startsAt: [claimed.reservation.startsAt],
    timezone: claimed.timezone,
    tableIds: claimed.reservation.tables.map((t) => t.id),
  });
  publishWaitlistChanged(ctx, { entryId: entry.id, status: entry.status, tokenHash: claimed.tokenHash });
  return { entry, reservationId };
}
