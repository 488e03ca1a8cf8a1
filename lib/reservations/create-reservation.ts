import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import type { Actor, Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { parseInput } from "../validation";
import { checkBooking, lockBookings } from "./booking-rules";
import { findOrCreateGuest } from "./find-or-create-guest";
import { publishReservationChanged } from "./publish-reservation-changed";
import { refusingDoubleBooking } from "./reservation-db-errors";
import { RESERVATION_SELECT, reservationView, type ReservationView } from "./reservation-view";
import { createReservationSchema, type CreateReservationInput } from "./schemas";

export type CancelToken = { token: string; hash: string };

/** The SHA-256 kept of a cancel link's token (the token itself is never stored). */
export function cancelTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The secret of a public cancel link and what is stored of it. */
export function newCancelToken(): CancelToken {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: cancelTokenHash(token) };
}

export type NewBooking = z.output<typeof createReservationSchema>;

export type BookingOutcome = {
  reservation: ReservationView;
  timezone: string;
  /** True when `bookingKey` named a booking made before: nothing was written. */
  replayed: boolean;
};

/**
 * The one booking path of the host stand and the public page: under the location's booking lock,
 * the rules in checkBooking, the guest found or created, the tables held by ReservationTable rows
 * (the database refuses a double booking), audited. With a `bookingKey` (the public form's
 * idempotency key) a booking already made with that key is returned instead of a second one.
 */
export async function insertBooking(
  actor: Actor,
  input: NewBooking,
  opts: BookingOptions & { cancel: CancelToken },
): Promise<BookingOutcome> {
  const startsAt = new Date(input.startsAt);
  const sameKey = async (client: Tx = db): Promise<BookingOutcome | null> => {
    if (!opts.bookingKey) return null;
    const row = await client.reservation.findUnique({
      where: { locationId_bookingKey: { locationId: actor.locationId, bookingKey: opts.bookingKey } },
      select: { ...RESERVATION_SELECT, location: { select: { timezone: true } } },
    });
    if (!row) return null;
    const { location, ...rest } = row;
    // One form, one booking: the same key with another party or time is a different request.
    if (rest.partySize !== input.partySize || rest.startsAt.getTime() !== startsAt.getTime())
      throw new AppError("IDEMPOTENCY_MISMATCH", "This form was already used for another booking; reload the page");
    return { reservation: reservationView(rest), timezone: location.timezone, replayed: true };
  };
  try {
    return await refusingDoubleBooking(() =>
      db.$transaction(async (tx) => {
        await lockBookings(tx, actor.locationId);
        // Read after the lock: a concurrent submit of the same form has committed by now.
        const earlier = await sameKey(tx);
        if (earlier) return earlier;
        const { reservation, timezone } = await insertReservation(tx, actor, input, opts);
        return { reservation, timezone, replayed: false };
      }, TX_OPTIONS),
    );
  } catch (error) {
    // The lock makes this unlikely; the unique key (locationId, bookingKey) is the authority.
    const earlier = isUniqueViolation(error) ? await sameKey() : null;
    if (earlier) return earlier;
    throw error;
  }
}

/** After commit: host stands and floor views refetch. */
export function announceBooking(actor: Pick<Ctx, "locationId" | "requestId">, outcome: BookingOutcome): void {
  if (outcome.replayed) return;
  publishReservationChanged(actor, {
    reservationId: outcome.reservation.id,
    status: outcome.reservation.status,
    startsAt: [outcome.reservation.startsAt],
    timezone: outcome.timezone,
    tableIds: outcome.reservation.tables.map((t) => t.id),
  });
}

/** How a booking is made: a walk-in (a waitlist party seated now) skips the time rules. */
export type BookingOptions = {
  /**
   * The party is at the door and sits now: the start is now, and the past, service-hours and
   * pacing checks do not apply (pacing spreads arrivals; this party has arrived). The table
   * checks and the exclusion constraint still do.
   */
  walkIn?: boolean;
  /** The cancel link's secret; a fresh one when not given. */
  cancel?: CancelToken;
  /** The public form's idempotency key (Reservation.bookingKey). */
  bookingKey?: string;
  now?: Date;
};

/**
 * Book inside the caller's transaction (insertBooking, and the waitlist, which seats a party and
 * links it in one change): the rules in checkBooking, the guest found or created, the tables held
 * by ReservationTable rows. The caller locks (lockBookings), maps a double booking
 * (refusingDoubleBooking) and publishes.
 */
export async function insertReservation(tx: Tx, ctx: Actor, input: NewBooking, options: BookingOptions = {}) {
  const startsAt = options.walkIn ? (options.now ?? new Date()) : new Date(input.startsAt);
  const cancel = options.cancel ?? newCancelToken();
  const booking = await checkBooking(
    tx,
    ctx,
    {
      startsAt,
      partySize: input.partySize,
      durationMinutes: input.durationMinutes,
      tableIds: input.tableIds,
      // A start that has come skips the past, service-hours and pacing checks (booking-rules.ts).
      keepsStart: options.walkIn,
    },
    options.now,
  );
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
      bookingKey: options.bookingKey ?? null,
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
 * Book a table (or a combination) for a party from the host stand or the API. Returns the booking
 * and, once, the token of its cancel link.
 */
export async function createReservation(ctx: Ctx, raw: CreateReservationInput, options: BookingOptions = {}) {
  assertCan(ctx, "reservations.manage");
  const input = parseInput(createReservationSchema, raw);
  const cancel = newCancelToken();
  const outcome = await insertBooking(ctx, input, { ...options, cancel });
  announceBooking(ctx, outcome);
  return { reservation: outcome.reservation, cancelToken: cancel.token };
}
