import "server-only";
import { randomUUID } from "node:crypto";
import type { Ctx } from "../auth/context";
import type { z } from "zod";
import { db, type Tx } from "../db";
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
  const result = await db.$transaction((tx) => openOrderInTx(tx, ctx, input), TX_OPTIONS);
  publishOpened(ctx, result);
  return { orderId: result.order.id, number: result.order.number, created: result.created };
}

export type OpenedOrder = Awaited<ReturnType<typeof openOrderInTx>>;

/**
 * The open inside a caller's transaction (seating a reservation opens its table with the rest of
 * the seating, ADR 0033); publish with publishOpened after commit. A table joined to another
 * opens (or continues) the primary's order: the group is one party.
 */
export async function openOrderInTx(tx: Tx, ctx: Ctx, input: z.output<typeof openOrderSchema>) {
  let tableId = input.tableId;
  if (tableId) {
    // The table row lock serialises concurrent "open" taps on the same table.
    const table = await tx.$queryRaw<{ id: string; mergedIntoId: string | null }[]>`
      SELECT "id", "mergedIntoId" FROM "DiningTable" WHERE "id" = ${tableId} AND "locationId" = ${ctx.locationId}
        AND "archivedAt" IS NULL FOR UPDATE`;
    // An archived table is off the floor: it takes no new orders (archiving waits for this lock).
    if (table.length === 0) throw notFound("Table");
    if (table[0].mergedIntoId) {
      tableId = table[0].mergedIntoId;
      await tx.$queryRaw`SELECT "id" FROM "DiningTable" WHERE "id" = ${tableId} FOR UPDATE`;
    }
    const existing = await tx.order.findFirst({
      where: { tableId, locationId: ctx.locationId, status: { notIn: ["CLOSED", "VOIDED"] } },
      select: { id: true, number: true },
      orderBy: { openedAt: "desc" },
    });
    if (existing) return { order: existing, tableId, created: false, events: [] };
  }
  const number = await nextOrderNumber(tx, ctx.locationId);
  // Hand-written (every table opened): the order, its one check (splits add more, ADR 0025) and the
  // table's status in one statement — the nested ORM create compiled three (docs/adr/0048).
  const now = new Date();
  const [order] = await tx.$queryRaw<{ id: string; number: number }[]>`
    WITH o AS (
      INSERT INTO "Order" (id, "locationId", number, "tableId", "serverId", "guestCount", notes, source, "openedAt", "updatedAt")
      VALUES (${randomUUID()}, ${ctx.locationId}, ${number}, ${tableId}, ${ctx.userId}, ${input.guestCount}, ${input.notes},
              'FLOOR', ${now}, ${now})
      RETURNING id, number
    ), c AS (
      INSERT INTO "Check" (id, "locationId", "orderId", number, "createdAt", "updatedAt")
      SELECT ${randomUUID()}, ${ctx.locationId}, o.id, 1, ${now}, ${now} FROM o
    ), t AS (
      UPDATE "DiningTable" SET status = 'SEATED', "statusAt" = ${now}
      WHERE id = ${tableId} AND "locationId" = ${ctx.locationId}
    )
    SELECT id, number FROM o`;
  const events = await appendOrderEvents(tx, ctx, [
    { orderId: order.id, type: "order.opened", payload: { stationIds: [], itemIds: [], status: "OPEN" } },
  ]);
  return { order, tableId, created: true, events };
}

/** After commit: the kitchen's seq and the floor's tile (nothing when the order already existed). */
export function publishOpened(ctx: Pick<Ctx, "locationId">, result: OpenedOrder): void {
  if (!result.created) return;
  const seq = result.events[0].seq;
  void publishChange({
    locationId: ctx.locationId,
    events: result.events,
    tables: result.tableId ? [{ tableId: result.tableId, status: "SEATED", orderId: result.order.id, seq }] : [],
    orders: [{ orderId: result.order.id, tableId: result.tableId, status: "OPEN", type: "order.opened", seq }],
  });
}
