import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { moveOrderToTable } from "../checks/transfer-order";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { changeOrder } from "../orders/change-order";
import { publishChange } from "../realtime/publish";
import { durationFor, readDurations } from "../reservations/durations";
import { publishReservationChanged } from "../reservations/publish-reservation-changed";
import { refusingDoubleBooking } from "../reservations/reservation-db-errors";
import { HOLDING_STATUSES } from "../reservations/reservation-state";
import { parseInput } from "../validation";
import { movePartySchema, type MovePartyInput } from "./arrange-schemas";
import { publishLayoutChanged } from "./publish-layout-changed";
import { inMinutes } from "./seating-suggestion";
import { arranging, bookingFollows, byLabel, joinTables, lockTables, openOrdersOn, partGroup } from "./table-groups";

/** The open order of the party at this table (or at the group it is joined to). */
function partyAt(ctx: Ctx, tableId: string) {
  return async (tx: Tx): Promise<string> => {
    const table = await tx.diningTable.findFirst({
      where: { id: tableId, locationId: ctx.locationId, archivedAt: null },
      select: { label: true, mergedIntoId: true },
    });
    if (!table) throw notFound("Table");
    const order = await tx.order.findFirst({
      where: { tableId: table.mergedIntoId ?? tableId, status: { notIn: ["CLOSED", "VOIDED"] } },
      orderBy: { openedAt: "desc" },
      select: { id: true },
    });
    if (!order)
      throw new AppError("INVALID_STATE", `Nobody is seated at table ${table.label}`, {
        fromTableId: [`Nobody is seated at table ${table.label}`],
      });
    return order.id;
  };
}

const refuse = (
  code: "VALIDATION" | "CONFLICT" | "INVALID_STATE",
  message: string,
  details?: Record<string, unknown>,
) => new AppError(code, message, { toTableIds: [message] }, details);

/**
 * Move a seated party to a free table or several pushed together (ADR 0033): the order moves
 * (moveOrderToTable, as the pad's transfer), the tables of its old group part and turn free, the
 * booking it came from holds the new tables, and the kitchen's tickets show the new table
 * (order.transferred). Refused: a target that is taken, joined elsewhere, waiting to be cleared or
 * too small. A target booked before the party would leave is refused unless `force` (the host
 * knows the party is on dessert); the booking then keeps its table.
 */
export async function moveParty(ctx: Ctx, raw: MovePartyInput, now = new Date()) {
  assertCan(ctx, "tables.arrange");
  const input = parseInput(movePartySchema, raw);
  const { result } = await refusingDoubleBooking(() =>
    arranging(() =>
      changeOrder(
        ctx,
        partyAt(ctx, input.fromTableId),
        async (tx, order) => {
          const fromId = order.tableId!;
          const locked = await lockTables(tx, ctx.locationId, [fromId, ...input.toTableIds]);
          const oldGroup = locked.filter((t) => t.id === fromId || t.mergedIntoId === fromId).sort(byLabel);
          const targets = input.toTableIds.map((id) => locked.find((t) => t.id === id));
          if (targets.some((t) => !t)) throw notFound("Table");
          const to = (targets as NonNullable<(typeof targets)[number]>[]).sort(byLabel);
          const inOld = (id: string) => oldGroup.some((t) => t.id === id);
          if (to.length === oldGroup.length && to.every((t) => inOld(t.id)))
            throw refuse("VALIDATION", "The party is already at these tables");
          for (const t of to) {
            if (t.mergedIntoId && t.mergedIntoId !== fromId)
              throw refuse("CONFLICT", `Table ${t.label} is joined with another table; part it first`);
            if (!inOld(t.id) && locked.some((x) => x.mergedIntoId === t.id))
              throw refuse("CONFLICT", `Table ${t.label} is joined with others; part it first`);
            if (t.status === "NEEDS_BUSSING") throw refuse("INVALID_STATE", `Table ${t.label} needs clearing first`);
          }
          const busy = await openOrdersOn(
            tx,
            to.filter((t) => !inOld(t.id)).map((t) => t.id),
          );
          for (const t of to)
            if (busy.has(t.id))
              throw refuse(
                "CONFLICT",
                `Table ${t.label} has order #${busy.get(t.id)!.number} open; choose a free table`,
              );
          const party = await tx.order.findUniqueOrThrow({
            where: { id: order.id },
            select: {
              guestCount: true,
              openedAt: true,
              location: { select: { reservationDurations: true } },
              reservations: { where: { status: "SEATED" }, select: { id: true } },
            },
          });
          const seats = to.reduce((n, t) => n + t.seats, 0);
          if (seats < party.guestCount)
            throw refuse("VALIDATION", `These tables seat ${seats}; the party is ${party.guestCount}`);

          // Bookings of other parties on the new tables before this party would leave.
          const stay = durationFor(party.guestCount, readDurations(party.location.reservationDurations));
          const leaves = new Date(Math.max(now.getTime(), party.openedAt.getTime() + stay * 60_000));
          const own = party.reservations.map((r) => r.id);
          const clashes = await tx.reservationTable.findMany({
            where: {
              tableId: { in: to.map((t) => t.id) },
              active: true,
              reservationId: { notIn: own },
              reservation: { status: { in: [...HOLDING_STATUSES].filter((s) => s !== "SEATED") } },
              startsAt: { lt: leaves },
              endsAt: { gt: now },
            },
            orderBy: { startsAt: "asc" },
            select: {
              tableId: true,
              startsAt: true,
              reservation: { select: { partySize: true, guest: { select: { name: true } } } },
            },
          });
          if (clashes.length && !input.force) {
            const c = clashes[0];
            const label = to.find((t) => t.id === c.tableId)!.label;
            const when =
              c.startsAt <= now
                ? "is held for a party that has not arrived"
                : `is booked in ${inMinutes((c.startsAt.getTime() - now.getTime()) / 60_000)}`;
            throw refuse(
              "CONFLICT",
              `Table ${label} ${when} (${c.reservation.guest.name}, ${c.reservation.partySize}), before this party would leave`,
              {
                canForce: true,
              },
            );
          }

          const parted = await partGroup(tx, ctx, fromId);
          const primary = to[0];
          if (primary.id !== fromId) await moveOrderToTable(tx, ctx, order, primary.id);
          const rest = to.slice(1).map((t) => t.id);
          const fresh = await lockTables(tx, ctx.locationId, [primary.id, ...rest]);
          if (rest.length) await joinTables(tx, ctx, fresh, primary.id, rest);
          const reservationId = await bookingFollows(
            tx,
            ctx,
            order.id,
            to.map((t) => t.id),
            new Set(clashes.map((c) => c.tableId)),
          );
          const freed = [fromId, ...parted].filter((id) => !to.some((t) => t.id === id));
          const onLine = await tx.orderItem.findMany({
            where: { orderId: order.id, status: { in: ["SENT", "READY"] } },
            select: { stationId: true },
            distinct: ["stationId"],
          });
          const details = {
            from: oldGroup.map((t) => t.label),
            to: to.map((t) => t.label),
            ...(clashes.length ? { forced: true } : {}),
          };
          await auditAs(ctx, { action: "tables.party_moved", entityType: "Order", entityId: order.id, details }, tx);
          return {
            result: {
              orderId: order.id,
              tableIds: to.map((t) => t.id),
              primaryId: primary.id,
              freed,
              reservationId,
              areaIds: [...new Set([...oldGroup, ...to].map((t) => t.areaId))],
            },
            events: [
              {
                orderId: order.id,
                type: "order.transferred" as const,
                payload: {
                  stationIds: onLine.map((i) => i.stationId),
                  itemIds: [],
                  fromTableId: fromId,
                  toTableId: primary.id,
                },
              },
            ],
          };
        },
        { open: true },
      ),
    ),
  );
  await publishChange({
    locationId: ctx.locationId,
    events: [],
    tables: result.freed.map((tableId) => ({ tableId, status: "FREE" as const, orderId: null, seq: null })),
  });
  publishLayoutChanged(ctx, { areaIds: result.areaIds, tableIds: [...result.tableIds, ...result.freed] });
  if (result.reservationId) {
    const r = await db.reservation.findUnique({
      where: { id: result.reservationId },
      select: { status: true, startsAt: true, location: { select: { timezone: true } } },
    });
    if (r)
      publishReservationChanged(ctx, {
        reservationId: result.reservationId,
        status: r.status,
        startsAt: [r.startsAt],
        timezone: r.location.timezone,
        tableIds: result.tableIds,
      });
  }
  return {
    orderId: result.orderId,
    tableIds: result.tableIds,
    primaryId: result.primaryId,
    freedTableIds: result.freed,
  };
}
