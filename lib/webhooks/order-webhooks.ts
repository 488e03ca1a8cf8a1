import "server-only";
import type { Tx } from "../db";
import type { LockedOrder } from "../orders/lock-order";
import type { Settled } from "../orders/settle-order";
import { emitWebhookEvent } from "./emit-webhook-event";

type OrderRef = Pick<LockedOrder, "id" | "number" | "locationId" | "tableId" | "source">;

/** What every order event says of the order: ids, number, status and money (never guest contacts). */
function orderData(order: OrderRef, settled: Settled) {
  return {
    orderId: order.id,
    orderNumber: order.number,
    tableId: order.tableId,
    source: order.source,
    status: settled.status,
    subtotalCents: settled.totals.subtotalCents,
    taxCents: settled.totals.taxCents,
    totalCents: settled.totals.totalCents,
  };
}

/** Inside the send's transaction: order.sent for the items just fired. */
export function emitOrderSent(
  tx: Tx,
  order: OrderRef,
  settled: Settled,
  fireBatch: number,
  itemIds: string[],
): Promise<number> {
  return emitWebhookEvent(tx, {
    locationId: order.locationId,
    type: "order.sent",
    data: { ...orderData(order, settled), fireBatch, itemIds },
  });
}

/** Inside an order change's transaction, after the settle: order.ready when the order just became READY. */
export async function emitOrderReady(tx: Tx, order: OrderRef, settled: Settled): Promise<number> {
  if (settled.status !== "READY" || settled.previous === "READY") return 0;
  return emitWebhookEvent(tx, { locationId: order.locationId, type: "order.ready", data: orderData(order, settled) });
}

/** Inside a payment's transaction: order.paid when this payment left every check of the order paid. */
export async function emitOrderPaid(
  tx: Tx,
  order: OrderRef,
  settled: Settled,
  payment: { paymentId: string; checkId: string },
): Promise<number> {
  if (settled.paymentState !== "PAID") return 0;
  return emitWebhookEvent(tx, {
    locationId: order.locationId,
    type: "order.paid",
    data: { ...orderData(order, settled), ...payment },
  });
}
