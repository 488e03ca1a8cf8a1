import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { moveReservation } from "../reservations/change-reservation-status";
import { publishReservationChanged } from "../reservations/publish-reservation-changed";
import { endGuestSessionsInTx, publishEnded, type EndedSession } from "../guest/close-guest-session";
import { publishLayoutChanged } from "./publish-layout-changed";
import { partGroup } from "./table-groups";

export type PartyLeft = {
  completed: Awaited<ReturnType<typeof moveReservation>> | null;
  parted: string[];
  primaryId: string | null;
  /** Guest QR sessions of the party, ended with it. */
  guestSessions: EndedSession[];
};

/**
 * The party's order closed or was voided (inside its transaction): the booking it was seated from
 * is COMPLETED (its tables are free for later bookings; the guest's visit counts), and when the
 * table is free at once (no bussing step) its group parts. With a bussing step the group parts
 * when the table is cleared (lib/tables/clear-table.ts), so nobody seats the half-cleared group.
 * The party's guest QR session ends too: the next seating gets a new PIN.
 */
export async function partyLeft(
  tx: Tx,
  ctx: Ctx,
  order: { id: string; tableId: string | null },
  tableFree: boolean,
): Promise<PartyLeft> {
  const seated = await tx.reservation.findFirst({
    where: { locationId: ctx.locationId, orderId: order.id, status: "SEATED" },
    select: { id: true },
  });
  // Completed first: parting then leaves the finished booking's table rows as they were (history).
  const completed = seated ? await moveReservation(tx, ctx, seated.id, "COMPLETED") : null;
  const parted = tableFree && order.tableId ? await partGroup(tx, ctx, order.tableId) : [];
  const linked = await tx.order.findUnique({ where: { id: order.id }, select: { guestSessionId: true } });
  const guestSessions = await endGuestSessionsInTx(
    tx,
    ctx,
    { ids: linked?.guestSessionId ? [linked.guestSessionId] : [], tableId: order.tableId },
    "the party's order closed",
  );
  return { completed, parted, primaryId: order.tableId, guestSessions };
}

/** After commit. Never throws (realtime is a hint). */
export function publishPartyLeft(ctx: Ctx, left: PartyLeft | null | undefined): void {
  if (!left) return;
  publishEnded(ctx, left.guestSessions);
  if (left.completed)
    publishReservationChanged(ctx, {
      reservationId: left.completed.reservation.id,
      status: left.completed.reservation.status,
      startsAt: [left.completed.reservation.startsAt],
      timezone: left.completed.timezone,
      tableIds: left.completed.reservation.tables.map((t) => t.id),
    });
  if (left.parted.length && left.primaryId) publishLayoutChanged(ctx, { tableIds: [left.primaryId, ...left.parted] });
}
