import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { publishChange } from "../realtime/publish";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { appendOrderEvents, nextOrderNumber } from "./append-order-events";
import { openOrderSchema, type OpenOrderInput } from "./schemas";
import { assertCan } from "../auth/permissions";

/**
 * Open an order for a table (or continue the one already open there: two tablets tapping the
 * same table get the same order, never two). The table becomes SEATED. Without a table the
 * order is a counter/API order.
 */
export async function openOrder(ctx: Ctx, raw: OpenOrderInput) {
  assertCan(ctx, "orders.take");
  const input = parseInput(openOrderSchema, raw);
  const result = await db.$transaction(async (tx) => {
    if (input.tableId) {
      // The table row lock serialises concurrent "open" taps on the same table.
      const table = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "DiningTable" WHERE "id" = ${input.tableId} AND "locationId" = ${ctx.locationId}
          AND "archivedAt" IS NULL FOR UPDATE`;
      // An archived table is off the floor: it takes no new orders (archiving waits for this lock).
      if (table.length === 0) throw notFound("Table");
      const existing = await tx.order.findFirst({
        where: { tableId: input.tableId, locationId: ctx.locationId, status: { notIn: ["CLOSED", "VOIDED"] } },
        select: { id: true, number: true },
        orderBy: { openedAt: "desc" },
      });
      if (existing) return { order: existing, created: false, events: [] };
    }
    const number = await nextOrderNumber(tx, ctx.locationId);
    const order = await tx.order.create({
      data: {
        locationId: ctx.locationId,
        number,
        tableId: input.tableId,
        serverId: ctx.userId,
        guestCount: input.guestCount,
        notes: input.notes,
        source: "FLOOR",
        // Every order starts with its one check; splits add more (ADR 0025).
        checks: { create: { locationId: ctx.locationId, number: 1 } },
      },
      select: { id: true, number: true },
    });
    if (input.tableId) {
      await tx.diningTable.update({ where: { id: input.tableId }, data: { status: "SEATED", statusAt: new Date() } });
    }
    const events = await appendOrderEvents(tx, ctx, [
      { orderId: order.id, type: "order.opened", payload: { stationIds: [], itemIds: [], status: "OPEN" } },
    ]);
    return { order, created: true, events };
  }, TX_OPTIONS);

  if (result.created) {
    const seq = result.events[0].seq;
    await publishChange({
      locationId: ctx.locationId,
      events: result.events,
      tables: input.tableId ? [{ tableId: input.tableId, status: "SEATED", orderId: result.order.id, seq }] : [],
      orders: [{ orderId: result.order.id, tableId: input.tableId, status: "OPEN", type: "order.opened", seq }],
    });
  }
  return { orderId: result.order.id, number: result.order.number, created: result.created };
}
