import "server-only";
import type { ReservationStatus } from "@/generated/prisma/enums";
import type { Actor, Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { publishReservationChanged } from "./publish-reservation-changed";
import { canMoveTo, STATUS_STAMP, statusesLeadingTo, transitionRefusal } from "./reservation-state";
import { RESERVATION_SELECT, reservationView } from "./reservation-view";
import {
  cancelReservationSchema,
  reservationIdSchema,
  type CancelReservationInput,
  type ReservationIdInput,
} from "./schemas";

type Target = Exclude<ReservationStatus, "BOOKED">;

/**
 * Move a booking to `to` when the machine allows it (lib/reservations/reservation-state.ts): a
 * guarded UPDATE, so two hosts tapping at once change it once. A no-show counts against the
 * guest, a completed visit for them. Leaving the holding statuses frees the tables (trigger).
 */
export async function moveReservation(
  tx: Tx,
  ctx: Actor,
  id: string,
  to: Target,
  extra: { reason?: string; orderId?: string; now?: Date } = {},
) {
  const before = await tx.reservation.findFirst({
    where: { id, locationId: ctx.locationId },
    select: { status: true, startsAt: true, guestId: true, location: { select: { timezone: true } } },
  });
  if (!before) throw notFound("Reservation");
  if (!canMoveTo(before.status, to)) throw new AppError("INVALID_STATE", transitionRefusal(before.status, to));
  const now = extra.now ?? new Date();
  if (to === "NO_SHOW" && before.startsAt > now)
    throw new AppError("INVALID_STATE", "The party is not late yet; a no-show can be marked from the booked time");
  const moved = await tx.reservation.updateMany({
    where: { id, locationId: ctx.locationId, status: { in: statusesLeadingTo(to) } },
    data: { status: to, [STATUS_STAMP[to]]: now, ...(extra.orderId ? { orderId: extra.orderId } : {}) },
  });
  if (moved.count === 0) throw new AppError("INVALID_STATE", "Someone else just changed this reservation; reload it");
  if (to === "NO_SHOW")
    await tx.guest.update({ where: { id: before.guestId }, data: { noShowCount: { increment: 1 } } });
  if (to === "COMPLETED")
    await tx.guest.update({ where: { id: before.guestId }, data: { visitCount: { increment: 1 } } });
  await auditAs(
    ctx,
    {
      action: `reservations.${to.toLowerCase()}`,
      entityType: "Reservation",
      entityId: id,
      details: {
        from: before.status,
        to,
        ...(extra.reason ? { reason: extra.reason } : {}),
        ...(extra.orderId ? { orderId: extra.orderId } : {}),
      },
    },
    tx,
  );
  const after = await tx.reservation.findUniqueOrThrow({ where: { id }, select: RESERVATION_SELECT });
  return { reservation: reservationView(after), timezone: before.location.timezone };
}

async function run(ctx: Ctx, id: string, to: Target, reason?: string) {
  assertCan(ctx, "reservations.manage");
  const { reservation, timezone } = await db.$transaction((tx) => moveReservation(tx, ctx, id, to, { reason }));
  publishReservationChanged(ctx, {
    reservationId: reservation.id,
    status: reservation.status,
    startsAt: [reservation.startsAt],
    timezone,
    tableIds: reservation.tables.map((t) => t.id),
  });
  return reservation;
}

/** The guest confirmed (phone call, reply to a reminder). */
export async function confirmReservation(ctx: Ctx, raw: ReservationIdInput) {
  return run(ctx, parseInput(reservationIdSchema, raw).id, "CONFIRMED");
}

/** The party is at the host stand (waiting for its table). */
export async function markReservationArrived(ctx: Ctx, raw: ReservationIdInput) {
  return run(ctx, parseInput(reservationIdSchema, raw).id, "ARRIVED");
}

/** Cancelled by the guest or the restaurant: the tables are free again. */
export async function cancelReservation(ctx: Ctx, raw: CancelReservationInput) {
  const input = parseInput(cancelReservationSchema, raw);
  return run(ctx, input.id, "CANCELLED", input.reason || undefined);
}

/** The party never came (from the booked time on): the tables are free, the guest's no-show count grows. */
export async function markReservationNoShow(ctx: Ctx, raw: ReservationIdInput) {
  return run(ctx, parseInput(reservationIdSchema, raw).id, "NO_SHOW");
}

/** The party left: the booking stops holding its tables, the guest's visit count grows. */
export async function completeReservation(ctx: Ctx, raw: ReservationIdInput) {
  return run(ctx, parseInput(reservationIdSchema, raw).id, "COMPLETED");
}
