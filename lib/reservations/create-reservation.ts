import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { parseInput } from "../validation";
import { checkBooking, lockBookings } from "./booking-rules";
import { findOrCreateGuest } from "./find-or-create-guest";
import { publishReservationChanged } from "./publish-reservation-changed";
import { refusingDoubleBooking } from "./reservation-db-errors";
import { RESERVATION_SELECT, reservationView } from "./reservation-view";
import { createReservationSchema, type CreateReservationInput, type CreateReservationParsed } from "./schemas";

/** The secret of a public cancel link and what is stored of it. */
export function newCancelToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: createHash("sha256").update(token).digest("hex") };
}

/** How a booking is made: a walk-in (a waitlist party seated now) skips the time rules. */
export type BookingOptions = {
  /**
   * The party is at the door and sits now: the start is now, and the past, service-hours and
   * pacing checks do not apply (pacing spreads arrivals; this party has arrived). The table
   * checks and the exclusion constraint still do.
   */
  walkIn?: boolean;
};

/**
 * Book inside the caller's transaction (the waitlist seats a party and links it in one change):
 * the rules in checkBooking, the guest found or created, the tables held by ReservationTable rows.
 * The caller locks (lockBookings), maps a double booking (refusingDoubleBooking) and publishes.
 */
export async function insertReservation(
  tx: Tx,
  ctx: Ctx,
  input: CreateReservationParsed,
  options: BookingOptions = {},
) {
  const startsAt = options.walkIn ? new Date() : new Date(input.startsAt);
  const cancel = newCancelToken();
  const booking = await checkBooking(tx, ctx, {
    startsAt,
    partySize: input.partySize,
    durationMinutes: input.durationMinutes,
    tableIds: input.tableIds,
    // A start that has come skips the past, service-hours and pacing checks (booking-rules.ts).
    keepsStart: options.walkIn,
  });
  const guestId = await findOrCreateGuest(tx, ctx, input, booking.day.country);
  const created = await tx.reservation.create({
    data: {
      locationId: ctx.locationId,
      guestId,
      partySize: input.partySize,
      startsAt,
      durationMinutes: booking.durationMinutes,
      source: options.walkIn ? "WALK_IN" : input.source,
      tags: input.allergyNotes && !input.tags.includes("ALLERGY") ? [...input.tags, "ALLERGY"] : input.tags,
      notes: input.notes,
      allergyNotes: input.allergyNotes,
      cancelTokenHash: cancel.hash,
      createdById: ctx.userId,
      // startsAt, endsAt and active are copied by the ReservationTable_sync trigger.
      tables: {
        create: booking.tableIds.map((tableId) => ({
          tableId,
          locationId: ctx.locationId,
          startsAt,
          endsAt: startsAt,
        })),
      },
    },
    select: RESERVATION_SELECT,
  });
  await auditAs(
    ctx,
    {
      action: "reservations.create",
      entityType: "Reservation",
      entityId: created.id,
      details: {
        guestId,
        partySize: created.partySize,
        startsAt: created.startsAt.toISOString(),
        durationMinutes: created.durationMinutes,
        tableIds: booking.tableIds,
        source: created.source,
      },
    },
    tx,
  );
  return { reservation: reservationView(created), timezone: booking.day.timezone, cancelToken: cancel.token };
}

/**
 * Book a table (or a combination) for a party: the rules in checkBooking, the guest found or
 * created, the tables held by ReservationTable rows — the database refuses a double booking.
 * Returns the booking and, once, the token of its cancel link.
 */
export async function createReservation(ctx: Ctx, raw: CreateReservationInput, options: BookingOptions = {}) {
  assertCan(ctx, "reservations.manage");
  const input = parseInput(createReservationSchema, raw);
  const { reservation, timezone, cancelToken } = await refusingDoubleBooking(() =>
    db.$transaction(async (tx) => {
      await lockBookings(tx, ctx.locationId);
      return insertReservation(tx, ctx, input, options);
    }, TX_OPTIONS),
  );
  publishReservationChanged(ctx, {
    reservationId: reservation.id,
    status: reservation.status,
    startsAt: [reservation.startsAt],
    timezone,
    tableIds: reservation.tables.map((t) => t.id),
  });
  return { reservation, cancelToken };
}
