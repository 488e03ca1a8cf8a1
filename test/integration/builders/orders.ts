// Orders, opened and sent through the floor's own use cases, or bare lines for lower-level hooks.
import { randomUUID } from "node:crypto";
import type { Ctx } from "@/lib/auth/context";
import { nextOrderNumber } from "@/lib/orders/append-order-events";
import { openOrder } from "@/lib/orders/open-order";
import type { SendOrderInput } from "@/lib/orders/schemas";
import { sendOrder } from "@/lib/orders/send-order";
import { testDb } from "../helpers";

/** An order opened by `ctx` (on a table, or a counter order without one) with `items` sent to the kitchen. */
export async function buildSentOrder(
  ctx: Ctx,
  spec: { tableId?: string | null; guestCount?: number; items: NonNullable<SendOrderInput["items"]> },
) {
  const { orderId } = await openOrder(ctx, { tableId: spec.tableId ?? null, guestCount: spec.guestCount });
  const sent = await sendOrder(ctx, { orderId, idempotencyKey: randomUUID(), items: spec.items });
  return { orderId, sent };
}

/**
 * `count` PENDING lines of one dish on a new order, written directly (no use case, no event):
 * for hooks tested below the send, such as the stock decrement.
 */
export async function buildOrderLines(
  locationId: string,
  menuItemId: string,
  count: number,
  spec: { name?: string; unitPriceCents?: number } = {},
): Promise<string[]> {
  const db = testDb();
  const number = await db.$transaction((tx) => nextOrderNumber(tx, locationId));
  const order = await db.order.create({ data: { locationId, number } });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const line = await db.orderItem.create({
      data: {
        orderId: order.id,
        locationId,
        menuItemId,
        name: spec.name ?? "Test dish",
        unitPriceCents: spec.unitPriceCents ?? 1500,
      },
    });
    ids.push(line.id);
  }
  return ids;
}
