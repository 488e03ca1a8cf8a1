import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan, can } from "../auth/permissions";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";
import { publishChange } from "../realtime/publish";
import { refusingDoubleBooking } from "../reservations/reservation-db-errors";
import { publishLayoutChanged } from "../tables/publish-layout-changed";
import { bookingFollows, partGroup } from "../tables/table-groups";
import { changeChecks } from "./check-ops";
import { transferOrderSchema, type TransferOrderInput } from "./schemas";

/**
 * Move a party to another table and/or hand it to another server. The new table must be free of
 * open orders (two parties on one table is a merge, not a move); the old one turns free. Stations
 * with the order's tickets refetch them, so the new table shows on the kitchen screens at once.
 */
export async function transferOrder(ctx: Ctx, raw: TransferOrderInput) {
  assertCan(ctx, "checks.manage");
  const input = parseInput(transferOrderSchema, raw);
  const result = await refusingDoubleBooking(() =>
    changeChecks(ctx, input.orderId, async (tx, order) => {
      const details: Record<string, string | null> = {};
      let freed: string | null = null;
      let parted: string[] = [];
      if (input.toServerId) {
        const member = await tx.membership.findFirst({
          where: { locationId: ctx.locationId, userId: input.toServerId, user: { active: true } },
          select: { role: true, user: { select: { name: true } } },
        });
        if (!member || !can(member.role, "orders.take"))
          throw new AppError("VALIDATION", "Choose a server of this location", { toServerId: ["Choose a server"] });
        await tx.order.update({ where: { id: order.id }, data: { serverId: input.toServerId } });
        details.toServerId = input.toServerId;
        details.toServerName = member.user.name;
      }
      if (input.toTableId && input.toTableId !== order.tableId) {
        const moved = await moveOrderToTable(tx, ctx, order, input.toTableId);
        freed = moved.freedTableId;
        // Tables pushed together for the party stay behind, on their own; the booking follows it.
        if (freed) parted = await partGroup(tx, ctx, freed);
        await bookingFollows(tx, ctx, order.id, [moved.table.id]);
        details.fromTableId = freed;
        details.toTableId = moved.table.id;
        details.toTableLabel = moved.table.label;
      }
      if (Object.keys(details).length === 0)
        throw new AppError("VALIDATION", "Nothing to change", { toTableId: ["Choose another table or server"] });
      const onLine = await tx.orderItem.findMany({
        where: { orderId: order.id, status: { in: ["SENT", "READY"] } },
        select: { stationId: true },
        distinct: ["stationId"],
      });
      await auditAs(ctx, { action: "order.transferred", entityType: "Order", entityId: order.id, details }, tx);
      return {
        result: { orderId: order.id, freedTableId: freed, partedTableIds: parted, ...details },
        events: [
          {
            orderId: order.id,
            type: "order.transferred" as const,
            payload: {
              stationIds: onLine.map((i) => i.stationId),
              itemIds: [],
              ...(input.toTableId ? { fromTableId: freed, toTableId: input.toTableId } : {}),
              ...(input.toServerId ? { toServerId: input.toServerId } : {}),
            },
          },
        ],
      };
    }),
  );
  if (result.freedTableId)
    await publishChange({
      locationId: ctx.locationId,
      events: [],
      tables: [{ tableId: result.freedTableId, status: "FREE", orderId: null, seq: null }],
    });
  if (result.partedTableIds.length)
    publishLayoutChanged(ctx, { tableIds: [result.freedTableId!, ...result.partedTableIds] });
  return result;
}

type LockedOrder = Parameters<Parameters<typeof changeChecks>[2]>[1];

/**
 * Move a locked order to another table (the order pad's transfer and the host's "move party",
 * lib/tables/move-party.ts): the table must be on the floor, free of open orders (two parties on
 * one table is a merge, not a move) and not joined to another table; the old table turns free and
 * the guests' QR session follows. The settle then moves the new table to the order's state.
 */
export async function moveOrderToTable(tx: Tx, ctx: Pick<Ctx, "locationId">, order: LockedOrder, toTableId: string) {
  const [table] = await tx.$queryRaw<{ id: string; label: string; status: string; mergedIntoId: string | null }[]>`
    SELECT id, label, status::text AS status, "mergedIntoId" FROM "DiningTable"
    WHERE id = ${toTableId} AND "locationId" = ${ctx.locationId} AND "archivedAt" IS NULL FOR UPDATE`;
  if (!table) throw notFound("Table");
  const taken = await tx.order.findFirst({
    where: { tableId: table.id, status: { notIn: ["CLOSED", "VOIDED"] }, id: { not: order.id } },
    select: { number: true },
  });
  if (taken)
    throw new AppError("INVALID_STATE", `Table ${table.label} has order #${taken.number} open; choose a free table`, {
      toTableId: [`Table ${table.label} is taken`],
    });
  if (table.mergedIntoId)
    throw new AppError("INVALID_STATE", `Table ${table.label} is joined with another table; choose a free table`, {
      toTableId: [`Table ${table.label} is joined with another`],
    });
  const freed = order.tableId;
  if (freed) await tx.diningTable.update({ where: { id: freed }, data: { status: "FREE", statusAt: new Date() } });
  await tx.order.update({ where: { id: order.id }, data: { tableId: table.id } });
  await tx.guestSession.updateMany({
    where: { tableId: freed ?? "", status: "ACTIVE" },
    data: { tableId: table.id },
  });
  // The settle moves the new table to the order's state (it reads these fields of the lock).
  order.tableId = table.id;
  order.tableStatus = table.status as typeof order.tableStatus;
  return { freedTableId: freed, table };
}
