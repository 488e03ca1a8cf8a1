import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../validation";
import { publishChange } from "../realtime/publish";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { appendOrderEvents } from "./append-order-events";
import { committedChange } from "./committed-change";
import { lockOrder } from "./lock-order";
import { insertLines, prepareLines } from "./prepare-lines";
import { addItemsSchema, type AddItemsInput } from "./schemas";
import { settleOrder } from "./settle-order";
import { assertCan } from "../auth/permissions";

/** Save lines on an order without sending them (PENDING): another tablet sees them, the kitchen does not. */
export async function addOrderItems(ctx: Ctx, raw: AddItemsInput) {
  assertCan(ctx, "orders.take");
  const input = parseInput(addItemsSchema, raw);
  const { change, itemIds, totals } = await db.$transaction(async (tx) => {
    await lockOrder(tx, ctx, input.orderId, { open: true });
    const lines = await prepareLines(tx, ctx, input.items);
    await insertLines(tx, ctx, input.orderId, lines, "PENDING");
    const settled = await settleOrder(tx, input.orderId);
    const events = await appendOrderEvents(tx, ctx, [
      {
        orderId: input.orderId,
        type: "items.added",
        payload: { stationIds: [], itemIds: lines.map((l) => l.id), status: "PENDING" },
      },
    ]);
    return {
      change: committedChange(ctx.locationId, settled, events),
      itemIds: lines.map((l) => l.id),
      totals: settled.totals,
    };
  }, TX_OPTIONS);
  await publishChange(change);
  return { orderId: input.orderId, itemIds, ...totals };
}
