import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { openOrder } from "../orders/open-order";
import { MAX_GUESTS } from "../orders/schemas";
import { parseInput } from "../validation";
import { moveReservation } from "./change-reservation-status";
import { publishReservationChanged } from "./publish-reservation-changed";
import { canMoveTo, transitionRefusal } from "./reservation-state";
import { reservationIdSchema, type ReservationIdInput } from "./schemas";

/** The order's note for the kitchen and the pad: allergies first, then the occasion. */
export function orderNotesFor(r: { allergyNotes: string; tags: string[] }): string {
  const parts = [
    r.allergyNotes ? `Allergy: ${r.allergyNotes}` : r.tags.includes("ALLERGY") ? "Allergy: ask the table" : "",
    ...["BIRTHDAY", "ANNIVERSARY", "VIP"].filter((t) => r.tags.includes(t)).map((t) => t.toLowerCase()),
  ].filter(Boolean);
  return parts.join("; ").slice(0, 200);
}

/**
 * Seat the party: its table's order opens (lib/orders/open-order.ts) with the party size as guest
 * count and the allergy note, and the booking becomes SEATED. A combination's order opens on its
 * first table by label (ADR 0029); the other tables stay held by the booking. A table whose
 * previous party still has an open order is refused, so nobody joins someone else's bill.
 */
export async function seatReservation(ctx: Ctx, raw: ReservationIdInput) {
  assertCan(ctx, "reservations.manage");
  const { id } = parseInput(reservationIdSchema, raw);
  const r = await db.reservation.findFirst({
    where: { id, locationId: ctx.locationId },
    select: {
      status: true,
      partySize: true,
      allergyNotes: true,
      tags: true,
      tables: { select: { table: { select: { id: true, label: true } } } },
    },
  });
  if (!r) throw notFound("Reservation");
  if (!canMoveTo(r.status, "SEATED")) throw new AppError("INVALID_STATE", transitionRefusal(r.status, "SEATED"));
  const first = r.tables
    .map((t) => t.table)
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }))[0];
  if (!first) throw new AppError("INVALID_STATE", "This reservation holds no table; give it one first");
  const busy = await db.order.findFirst({
    where: { locationId: ctx.locationId, tableId: first.id, status: { notIn: ["CLOSED", "VOIDED"] } },
    select: { id: true },
  });
  const tableTaken = () => {
    const message = `Table ${first.label} still has an open order; close or move it first`;
    return new AppError("CONFLICT", message, { tableIds: [message] });
  };
  if (busy) throw tableTaken();
  const order = await openOrder(ctx, {
    tableId: first.id,
    guestCount: Math.min(r.partySize, MAX_GUESTS),
    notes: orderNotesFor(r),
  });
  // Someone opened the table between the check and here (or a second tap seated this party).
  if (!order.created) throw tableTaken();
  const { reservation, timezone } = await db.$transaction((tx) =>
    moveReservation(tx, ctx, id, "SEATED", { orderId: order.orderId }),
  );
  publishReservationChanged(ctx, {
    reservationId: reservation.id,
    status: reservation.status,
    startsAt: [reservation.startsAt],
    timezone,
    tableIds: reservation.tables.map((t) => t.id),
  });
  return { reservation, orderId: order.orderId };
}
