import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/context";
import { db } from "../db";
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
 * server processes running this at once fire each order once. An order that cannot fire (a dish
 * 86'd since, stock gone) is logged and stays RECEIVED for the floor's online list to handle.
 * Answers how many fired, and whether a full batch was seen (more may be due).
 */
export async function fireDueOnlineOrders(now = new Date()): Promise<{ fired: number; more: boolean }> {
  const due = await db.onlineOrder.findMany({
    where: { status: "RECEIVED", fireAt: { lte: now } },
    orderBy: { fireAt: "asc" },
    take: BATCH,
    select: { orderId: true, locationId: true },
  });
  let fired = 0;
  for (const d of due) {
    try {
      if (await fireOne(d.orderId, d.locationId, now)) fired++;
    } catch (error) {
      log.error("scheduled online order did not fire", { orderId: d.orderId, error });
    }
  }
  return { fired, more: due.length === BATCH };
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
