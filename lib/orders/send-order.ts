import "server-only";
import type { Ctx } from "../auth/context";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { type CommittedChange } from "../realtime/publish";
import { metrics } from "../observability/metrics";
import { runIdempotent } from "../idempotency/run-idempotent";
import { type NewOrderEvent } from "./append-order-events";

import { deductStock, fireItems } from "./fire-items";
import type { StockEffects } from "../inventory/stock-effects";

import { lockOrder } from "./lock-order";
import { insertLines, prepareLines } from "./prepare-lines";
import { sendOrderSchema, type SendOrderInput } from "./schemas";
import { settleOrder, type Settled } from "./settle-order";
import { assertCan } from "../auth/permissions";
import { publishOrderChange, recordOrderEvents } from "./change-order";
import { kickPrintQueue } from "../printing/print-worker";
import { inSpan } from "../observability/tracing";
import { emitOrderSent } from "../webhooks/order-webhooks";
import { kickWebhookDispatcher } from "../webhooks/webhook-worker";

export type SendOrderResult = {
  orderId: string;
  orderNumber: number;
  /** Null when everything sent was held (nothing fired). */
  fireBatch: number | null;
  firedItemIds: string[];
  heldItemIds: string[];
  status: string;
  subtotalCents: number;
  taxCents: number;
  totalCents: number;
};

/**
 * "Send to kitchen": save the tablet's new lines and fire every unsent line, except courses the
 * server holds (they become HELD, fired later with fireCourse). One transaction, idempotent per
 * key: a retry with the same key replays this answer and adds nothing (docs/adr/0007).
 */
export function sendOrder(ctx: Ctx, raw: SendOrderInput): Promise<SendOrderResult & { replayed: boolean }> {
  return inSpan("use-case sendOrder", { "kitchen.location_id": ctx.locationId }, async (span) => {
    const result = await sendOrderNow(ctx, raw);
    span?.setAttribute("kitchen.replayed", result.replayed);
    return result;
  });
}

async function sendOrderNow(ctx: Ctx, raw: SendOrderInput): Promise<SendOrderResult & { replayed: boolean }> {
  assertCan(ctx, "orders.take");
  const input = parseInput(sendOrderSchema, raw);
  const { idempotencyKey, ...request } = input;
  let change: CommittedChange | undefined;
  let stock = null as StockEffects | null; // set inside the transaction, published after commit
  let chits = 0;
  let webhooks = 0;
  let source = "FLOOR";

  let pending: { settled: Settled; events: NewOrderEvent[] } | null = null;
  const { value, replayed } = await runIdempotent(
    ctx,
    { scope: "orders.send", key: idempotencyKey, request },
    async (tx) => {
      const order = await lockOrder(tx, ctx, input.orderId, { open: true });
      source = order.source;
      const lines = await prepareLines(tx, ctx, order, input.items);
      await insertLines(tx, ctx, order.id, lines, "PENDING");

      // Held courses first, then fire every line still pending (saved earlier or just now).
      const toHold = input.holdCourses.length
        ? (
            await tx.orderItem.updateManyAndReturn({
              where: { orderId: order.id, status: "PENDING", course: { in: input.holdCourses } },
              data: { status: "HELD" },
              select: { id: true },
            })
          ).map((i) => i.id)
        : [];
      const fired = await fireItems(tx, ctx, order, { status: "PENDING" });
      chits = fired?.chits ?? 0;
      if (!fired && toHold.length === 0)
        throw new AppError("INVALID_STATE", "Nothing new to send", { items: ["Add items before sending"] });
      const settled = await settleOrder(tx, order);
      stock = await deductStock(tx, ctx, fired);
      // The outbox row commits with the send (one INSERT … SELECT; none without subscribers).
      if (fired) webhooks = await emitOrderSent(tx, order, settled, fired.fireBatch, fired.itemIds);

      const events: NewOrderEvent[] = [];
      if (toHold.length)
        events.push({
          orderId: order.id,
          type: "items.added",
          payload: { stationIds: [], itemIds: toHold, status: "HELD" },
        });
      if (fired) {
        events.push({
          orderId: order.id,
          type: "items.fired",
          payload: { stationIds: fired.stationIds, itemIds: fired.itemIds, fireBatch: fired.fireBatch },
        });
      }
      pending = { settled, events };

      const result: SendOrderResult = {
        orderId: order.id,
        orderNumber: order.number,
        fireBatch: fired?.fireBatch ?? null,
        firedItemIds: inRequestOrder(
          fired?.itemIds ?? [],
          lines.map((l) => l.id),
        ),
        heldItemIds: toHold,
        status: settled.status,
        ...settled.totals,
      };
      return result;
    },
    // After the key is stored: the location's counter lock is then held only for the commit.
    async (tx) => {
      if (pending) change = await recordOrderEvents(tx, ctx, pending.settled, pending.events);
    },
  );

  if (!replayed && change) publishOrderChange(ctx, change, stock);
  if (!replayed && value.fireBatch !== null) metrics().ordersSent.inc({ source });
  if (!replayed && chits > 0) kickPrintQueue(); // committed: print the chits now, not at the next poll
  if (!replayed && webhooks > 0) kickWebhookDispatcher();
  return { ...value, replayed };
}

/** This request's lines in the order they were sent, then lines saved earlier. */
function inRequestOrder(ids: string[], requested: string[]): string[] {
  const rank = (id: string) => {
    const i = requested.indexOf(id);
    return i < 0 ? requested.length : i;
  };
  return [...ids].sort((a, b) => rank(a) - rank(b));
}
