import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { log } from "../log";
import { metrics } from "../observability/metrics";
import { publishOrderChange, recordOrderEvents } from "../orders/change-order";
import { deductStock, fireItems } from "../orders/fire-items";
import { lockOrder } from "../orders/lock-order";
import { settleOrder } from "../orders/settle-order";
import { kickPrintQueue } from "../printing/print-worker";
import { emitOrderSent } from "../webhooks/order-webhooks";
import { kickWebhookDispatcher } from "../webhooks/webhook-worker";
import { afterOnlineMove } from "./after-online-move";
import { moveOnlineOrder } from "./move-online-order";

const BATCH = 20;

/**
 * Scheduled online orders whose fire time has come: their HELD lines go to the kitchen on a new
 * ticket (stock deducted, order.sent) and the online order becomes IN_KITCHEN. One transaction per
 * order, the order row taken with SKIP LOCKED and its status checked again under the lock, so two
 * server processes running this at once fire each order once. An order the kitchen refuses (a dish
 * 86'd since, stock gone: an AppError) is marked fireFailedAt with the reason and not tried again:
 * it stays RECEIVED, flagged on the floor's online list, for a manager to cancel (the customer is
 * told). Other errors (the database away) are logged and retried at the next tick.
 * Answers how many fired, and whether a full batch was seen with progress made (more may be due;
 * a batch of nothing but errors waits for the tick instead of spinning).
 */
export async function fireDueOnlineOrders(now = new Date()): Promise<{ fired: number; more: boolean }> {
  const due = await db.onlineOrder.findMany({
    where: { status: "RECEIVED", fireAt: { lte: now }, fireFailedAt: null },
    orderBy: { fireAt: "asc" },
    take: BATCH,
    select: { orderId: true, locationId: true },
  });
  let fired = 0;
  let marked = 0;
  for (const d of due) {
    try {
      if (await fireOne(d.orderId, d.locationId, now)) fired++;
    } catch (error) {
      if (error instanceof AppError && (await markFireFailed(d.orderId, error.message, now))) {
        marked++;
        log.warn("scheduled online order refused by the kitchen; flagged for the floor", {
          orderId: d.orderId,
          code: error.code,
        });
      } else log.error("scheduled online order did not fire", { orderId: d.orderId, error });
    }
  }
  return { fired, more: due.length === BATCH && fired + marked > 0 };
}

/** Flags an order still waiting to fire; false when it moved meanwhile (cancelled, fired elsewhere). */
async function markFireFailed(orderId: string, reason: string, now: Date): Promise<boolean> {
  const { count } = await db.onlineOrder.updateMany({
    where: { orderId, status: "RECEIVED", fireFailedAt: null },
    data: { fireFailedAt: now, fireFailedReason: reason.slice(0, 500) },
  });
  return count > 0;
}

async function fireOne(orderId: string, locationId: string, now: Date): Promise<boolean> {
  const actor: Actor = { userId: null, locationId, requestId: randomUUID() };
  const done = await db.$transaction(async (tx) => {
    // Order row first (the order → online order lock order every other path takes).
    const mine = await tx.$queryRaw<{ id: string }[]>`
      SELECT o.id FROM "Order" o JOIN "OnlineOrder" oo ON oo."orderId" = o.id
       WHERE o.id = ${orderId} AND o."locationId" = ${locationId}
         AND oo.status = 'RECEIVED' AND oo."fireAt" <= ${now}
       FOR UPDATE OF o SKIP LOCKED`;
    if (mine.length === 0) return null;
    const order = await lockOrder(tx, actor, orderId, { open: true });
    const fired = await fireItems(tx, actor, order, { status: "HELD" });
    const settled = await settleOrder(tx, order);
    const stock = await deductStock(tx, actor, fired);
    const webhooks = fired ? await emitOrderSent(tx, order, settled, fired.fireBatch, fired.itemIds) : 0;
    const move = await moveOnlineOrder(tx, { locationId, orderId }, "IN_KITCHEN", { ifAt: "RECEIVED", now });
    const change = await recordOrderEvents(
      tx,
      actor,
      settled,
      fired
        ? [
            {
              orderId,
              type: "items.fired",
              payload: { stationIds: fired.stationIds, itemIds: fired.itemIds, fireBatch: fired.fireBatch },
            },
          ]
        : [],
    );
    return { change, stock, move, chits: fired?.chits ?? 0, webhooks, source: order.source, fired: !!fired };
  }, TX_OPTIONS);
  if (!done) return false;
  publishOrderChange(actor, done.change, done.stock);
  if (done.fired) metrics().ordersSent.inc({ source: done.source });
  if (done.chits > 0) kickPrintQueue();
  if (done.webhooks > 0) kickWebhookDispatcher();
  await afterOnlineMove([done.move]);
  return true;
}
