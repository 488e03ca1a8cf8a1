import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";
import { publishChange } from "../realtime/publish";
import { lockOrder } from "./lock-order";
import { setGuestCountSchema, type SetGuestCountInput } from "./schemas";
import { assertCan } from "../auth/permissions";
import { publishReservationChanged } from "../reservations/publish-reservation-changed";
import { MAX_PARTY_SIZE } from "../reservations/schemas";

/**
 * A party grows or shrinks after seating. Covers feed the day's figures, so the change is
 * audited. It may not drop a seat that still has live lines: those would lose their seat on
 * the order pad (move or void them first).
 */
export async function setGuestCount(ctx: Ctx, raw: SetGuestCountInput) {
  assertCan(ctx, "orders.take");
  const input = parseInput(setGuestCountSchema, raw);
  const result = await db.$transaction(async (tx) => {
    const order = await lockOrder(tx, ctx, input.orderId, { open: true });
    const current = await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { guestCount: true } });
    const highest = await tx.orderItem.aggregate({
      where: { orderId: order.id, status: { not: "VOIDED" } },
      _max: { seat: true },
    });
    const highestSeat = highest._max.seat ?? 0;
    if (input.guestCount < highestSeat) {
      throw new AppError("VALIDATION", `Seat ${highestSeat} has items`, {
        guestCount: [`Seat ${highestSeat} has items: at least ${highestSeat} guests`],
      });
    }
    if (current.guestCount === input.guestCount)
      return { order, guestCount: current.guestCount, changed: false, booking: null };
    await tx.order.update({ where: { id: order.id }, data: { guestCount: input.guestCount } });
    // The booking the party was seated from follows (its covers count in the day's figures).
    const booking = await tx.reservation.findFirst({
      where: { locationId: ctx.locationId, orderId: order.id, status: "SEATED" },
      select: {
        id: true,
        startsAt: true,
        location: { select: { timezone: true } },
        tables: { select: { tableId: true } },
      },
    });
    if (booking)
      await tx.reservation.update({
        where: { id: booking.id },
        data: { partySize: Math.min(input.guestCount, MAX_PARTY_SIZE) },
      });
    await auditAs(
      ctx,
      {
        action: "order.guests",
        entityType: "Order",
        entityId: order.id,
        details: { number: order.number, before: current.guestCount, after: input.guestCount },
      },
      tx,
    );
    return { order, guestCount: input.guestCount, changed: true, booking };
  });
  if (result.booking)
    publishReservationChanged(ctx, {
      reservationId: result.booking.id,
      status: "SEATED",
      startsAt: [result.booking.startsAt],
      timezone: result.booking.location.timezone,
      tableIds: result.booking.tables.map((t) => t.tableId),
    });
  if (result.changed && result.order.tableId) {
    // Floor hint only (tiles show guests/seats); not a kitchen event, so no seq.
    const table = await db.diningTable.findFirst({
      where: { id: result.order.tableId, locationId: ctx.locationId },
      select: { id: true, status: true },
    });
    if (table)
      await publishChange({
        locationId: ctx.locationId,
        events: [],
        tables: [{ tableId: table.id, status: table.status, orderId: result.order.id, seq: null }],
      });
  }
  return { orderId: result.order.id, guestCount: result.guestCount };
}
