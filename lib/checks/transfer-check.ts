import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";
import { nextOrderNumber } from "../orders/append-order-events";
import { publishOrderChange, recordOrderEvents } from "../orders/change-order";
import { lockOrder } from "../orders/lock-order";
import { settleOrder } from "../orders/settle-order";
import type { CommittedChange } from "../realtime/publish";
import { changeableCheck, checksEvent, placedState } from "./check-ops";
import { transferCheckSchema, type TransferCheckInput } from "./schemas";

/**
 * Move one check (and its items) to another table: onto the order open there, or a new order for
 * the same server. Its items must be wholly on this check and not in the kitchen right now (a ticket
 * belongs to one order; move the whole table instead while food is cooking). Both orders settle
 * and record events in one transaction; locks are taken orders (by id) → table → counter (ADR 0006).
 */
export async function transferCheck(ctx: Ctx, raw: TransferCheckInput) {
  assertCan(ctx, "checks.manage");
  const input = parseInput(transferCheckSchema, raw);
  const changes = await db.$transaction(async (tx) => {
    const check = await tx.check.findFirst({
      where: { id: input.checkId, locationId: ctx.locationId },
      select: { orderId: true, number: true },
    });
    if (!check) throw notFound("Check");
    const table = await tx.diningTable.findFirst({
      where: { id: input.toTableId, locationId: ctx.locationId, archivedAt: null },
      select: { id: true, label: true },
    });
    if (!table) throw notFound("Table");
    const seen = await tx.order.findFirst({
      where: { tableId: table.id, status: { notIn: ["CLOSED", "VOIDED"] } },
      select: { id: true },
      orderBy: { openedAt: "desc" },
    });
    if (seen?.id === check.orderId)
      throw new AppError("VALIDATION", `The check is already at table ${table.label}`, {
        toTableId: ["Choose another table"],
      });
    const ids = [check.orderId, ...(seen ? [seen.id] : [])].sort();
    const locked = new Map<string, Awaited<ReturnType<typeof lockOrder>>>();
    for (const id of ids) locked.set(id, await lockOrder(tx, ctx, id, { open: true }));
    const source = locked.get(check.orderId)!;
    await tx.$queryRaw`SELECT id FROM "DiningTable" WHERE id = ${table.id} FOR UPDATE`;
    const now = await tx.order.findFirst({
      where: { tableId: table.id, status: { notIn: ["CLOSED", "VOIDED"] } },
      select: { id: true },
      orderBy: { openedAt: "desc" },
    });
    if ((now?.id ?? null) !== (seen?.id ?? null))
      throw new AppError("IN_PROGRESS", "That table changed a moment ago; try again");

    const state = await placedState(tx, ctx, source.id);
    const moving = changeableCheck(state, input.checkId, "move");
    const itemIds = moving.lines.map((l) => l.orderItemId);
    if (itemIds.length === 0) throw new AppError("INVALID_STATE", `Check ${moving.number} is empty`);
    for (const id of itemIds) {
      const shared = state.checks.some((c) => c.id !== moving.id && c.lines.some((l) => l.orderItemId === id));
      const item = state.items.find((i) => i.id === id)!;
      if (shared) throw new AppError("INVALID_STATE", `${item.name} is shared with another check; unshare it first`);
      if (item.status === "SENT" || item.status === "READY")
        throw new AppError(
          "INVALID_STATE",
          `${item.name} is still in the kitchen; move the whole table, or wait until it is served`,
        );
    }

    let targetId = now?.id;
    if (!targetId) {
      const number = await nextOrderNumber(tx, ctx.locationId);
      const created = await tx.order.create({
        data: {
          locationId: ctx.locationId,
          number,
          tableId: table.id,
          serverId: (await tx.order.findUnique({ where: { id: source.id }, select: { serverId: true } }))?.serverId,
          guestCount: 1,
          source: "FLOOR",
        },
        select: { id: true },
      });
      targetId = created.id;
      locked.set(targetId, await lockOrder(tx, ctx, targetId));
    }
    const target = locked.get(targetId)!;
    const last = await tx.check.aggregate({ where: { orderId: targetId }, _max: { number: true } });
    await tx.orderItem.updateMany({ where: { id: { in: itemIds } }, data: { orderId: targetId } });
    await tx.check.update({
      where: { id: moving.id },
      data: { orderId: targetId, number: (last._max.number ?? 0) + 1 },
    });
    await auditAs(
      ctx,
      {
        action: "check.transferred",
        entityType: "Check",
        entityId: moving.id,
        details: { fromOrderId: source.id, toOrderId: targetId, toTableId: table.id, itemIds },
      },
      tx,
    );
    const out: CommittedChange[] = [];
    for (const order of [source, target]) {
      const settled = await settleOrder(tx, order, undefined, { checks: true });
      out.push(
        await recordOrderEvents(tx, ctx, settled, [
          checksEvent(order.id, [moving.id], { itemIds, fromTableId: source.tableId, toTableId: table.id }),
        ]),
      );
    }
    return { out, result: { checkId: moving.id, fromOrderId: source.id, toOrderId: targetId } };
  }, TX_OPTIONS);
  for (const change of changes.out) publishOrderChange(ctx, change);
  return changes.result;
}
