import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { openOrderInTx, publishOpened } from "../orders/open-order";
import { MAX_GUESTS } from "../orders/schemas";
import { publishLayoutChanged } from "../tables/publish-layout-changed";
import { connected } from "../tables/seating-suggestion";
import { byLabel, joinTables, lockTables, openOrdersOn, partGroup, type LockedTable } from "../tables/table-groups";
import { parseInput } from "../validation";
import { lockBookings } from "./booking-rules";
import { moveReservation } from "./change-reservation-status";
import { publishReservationChanged } from "./publish-reservation-changed";
import { refusingDoubleBooking } from "./reservation-db-errors";
import { canMoveTo, transitionRefusal } from "./reservation-state";
import { seatReservationSchema, type SeatReservationInput } from "./schemas";

/** The order's note for the kitchen and the pad: allergies first, then the occasion. */
export function orderNotesFor(r: { allergyNotes: string; tags: string[] }): string {
  const parts = [
    r.allergyNotes ? `Allergy: ${r.allergyNotes}` : r.tags.includes("ALLERGY") ? "Allergy: ask the table" : "",
    ...["BIRTHDAY", "ANNIVERSARY", "VIP"].filter((t) => r.tags.includes(t)).map((t) => t.toLowerCase()),
  ].filter(Boolean);
  return parts.join("; ").slice(0, 200);
}

/**
 * Seat the party, in one transaction (ADR 0033): with `tableIds` the booking's tables become those
 * (the exclusion constraint still refuses a clash) and, for several, they are pushed together with
 * the first by label as the primary; without, the booked tables are used (joined when side by
 * side). The primary's order opens (lib/orders/open-order.ts) with the party size as guest count
 * and the allergy note, and the booking becomes SEATED. A table with someone else's open order is
 * refused, so nobody joins someone else's bill; an empty group the host pushed together earlier
 * gives way to the tables named.
 */
export async function seatReservation(ctx: Ctx, raw: SeatReservationInput) {
  assertCan(ctx, "reservations.manage");
  assertCan(ctx, "orders.take");
  const { id, tableIds } = parseInput(seatReservationSchema, raw);
  if (tableIds && tableIds.length > 1) assertCan(ctx, "tables.arrange");
  const done = await refusingDoubleBooking(() =>
    db.$transaction(async (tx) => {
      await lockBookings(tx, ctx.locationId);
      const r = await tx.reservation.findFirst({
        where: { id, locationId: ctx.locationId },
        select: {
          status: true,
          partySize: true,
          allergyNotes: true,
          tags: true,
          tables: { select: { tableId: true } },
        },
      });
      if (!r) throw notFound("Reservation");
      if (!canMoveTo(r.status, "SEATED")) throw new AppError("INVALID_STATE", transitionRefusal(r.status, "SEATED"));
      const wanted = tableIds ?? r.tables.map((t) => t.tableId);
      if (wanted.length === 0)
        throw new AppError("INVALID_STATE", "This reservation holds no table; give it one first");

      let locked = await lockTables(tx, ctx.locationId, wanted);
      // A chosen table joined to another: its primary is locked too (the group may give way below).
      const around = locked.flatMap((t) =>
        t.mergedIntoId && !wanted.includes(t.mergedIntoId) ? [t.mergedIntoId] : [],
      );
      if (around.length) locked = await lockTables(tx, ctx.locationId, [...wanted, ...around]);
      const chosen = wanted.map((tid) => locked.find((t) => t.id === tid));
      if (chosen.some((t) => !t)) throw invalid("Table not found");
      const tables = (chosen as LockedTable[]).sort(byLabel);
      const busy = await openOrdersOn(tx, [
        ...tables.map((t) => t.id),
        ...tables.flatMap((t) => (t.mergedIntoId ? [t.mergedIntoId] : [])),
      ]);
      for (const t of tables) {
        if (busy.has(t.id) || (t.mergedIntoId && busy.has(t.mergedIntoId))) throw tableTaken(t.label);
        if (t.status === "NEEDS_BUSSING") throw taken(`Table ${t.label} needs clearing first`);
      }
      if (tableIds) {
        const seats = tables.reduce((n, t) => n + t.seats, 0);
        if (seats < r.partySize) throw invalid(`These tables seat ${seats}; the party is ${r.partySize}`);
      }

      // Empty groups around the chosen tables (pushed together ahead of the party) give way.
      const primaries = new Set(
        tables.flatMap((t) => [t.mergedIntoId ?? t.id]).filter((pid) => locked.some((x) => x.mergedIntoId === pid)),
      );
      const parted: string[] = [];
      for (const pid of primaries) parted.push(pid, ...(await partGroup(tx, ctx, pid)));
      if (parted.length) locked = await lockTables(tx, ctx.locationId, wanted);
      const fresh = (t: LockedTable) => locked.find((x) => x.id === t.id) ?? t;

      if (tableIds) {
        await tx.reservationTable.deleteMany({ where: { reservationId: id } });
        await tx.reservationTable.createMany({
          data: tables.map((t) => ({
            reservationId: id,
            tableId: t.id,
            locationId: ctx.locationId,
            startsAt: new Date(0), // the ReservationTable_sync trigger copies the stay
            endsAt: new Date(0),
          })),
        });
      }
      const primary = fresh(tables[0]);
      const rest = tables.slice(1).map((t) => t.id);
      const joins = rest.length > 0 && (tableIds !== undefined || connected(tables));
      const group = joins ? (await joinTables(tx, ctx, locked, primary.id, rest)).group : [primary];

      const opened = await openOrderInTx(tx, ctx, {
        tableId: primary.id,
        guestCount: Math.min(r.partySize, MAX_GUESTS),
        notes: orderNotesFor(r),
      });
      // A second tap, or someone opened the table between the check and the lock.
      if (!opened.created) throw tableTaken(primary.label);
      const moved = await moveReservation(tx, ctx, id, "SEATED", { orderId: opened.order.id });
      await auditAs(
        ctx,
        {
          action: "reservations.seated_at",
          entityType: "Reservation",
          entityId: id,
          details: { tables: group.map((t) => t.label), primary: primary.label, orderId: opened.order.id },
        },
        tx,
      );
      return { ...moved, opened, group, parted, areaId: primary.areaId };
    }, TX_OPTIONS),
  );
  publishOpened(ctx, done.opened);
  if (done.group.length > 1 || done.parted.length)
    publishLayoutChanged(ctx, { areaIds: [done.areaId], tableIds: [...done.group.map((t) => t.id), ...done.parted] });
  publishReservationChanged(ctx, {
    reservationId: done.reservation.id,
    status: done.reservation.status,
    startsAt: [done.reservation.startsAt],
    timezone: done.timezone,
    tableIds: done.reservation.tables.map((t) => t.id),
  });
  return { reservation: done.reservation, orderId: done.opened.order.id, tableIds: done.group.map((t) => t.id) };
}

function invalid(message: string) {
  return new AppError("VALIDATION", message, { tableIds: [message] });
}

function taken(message: string) {
  return new AppError("CONFLICT", message, { tableIds: [message] });
}

function tableTaken(label: string) {
  return taken(`Table ${label} still has an open order; close or move it first`);
}
