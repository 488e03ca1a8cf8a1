import "server-only";
import type { Ctx } from "../auth/context";

import { parseInput } from "../validation";

import { insertLines, prepareLines } from "./prepare-lines";
import { addItemsSchema, type AddItemsInput } from "./schemas";

import { assertCan } from "../auth/permissions";
import { changeOrder } from "./change-order";

/** Save lines on an order without sending them (PENDING): another tablet sees them, the kitchen does not. */
export async function addOrderItems(ctx: Ctx, raw: AddItemsInput) {
  assertCan(ctx, "orders.take");
  const input = parseInput(addItemsSchema, raw);
  const { result: itemIds, settled } = await changeOrder(
    ctx,
    input.orderId,
    async (tx, order) => {
      const lines = await prepareLines(tx, ctx, order, input.items);
      await insertLines(tx, ctx, input.orderId, lines, "PENDING");
      const itemIds = lines.map((l) => l.id);
      return {
        result: itemIds,
        events: [
          { orderId: input.orderId, type: "items.added", payload: { stationIds: [], itemIds, status: "PENDING" } },
        ],
      };
    },
    { open: true },
  );
  return { orderId: input.orderId, itemIds, ...settled!.totals };
}
