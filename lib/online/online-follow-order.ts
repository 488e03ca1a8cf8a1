import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";
import type { LockedOrder } from "../orders/lock-order";
import type { Settled } from "../orders/settle-order";
import { moveOnlineOrder, type OnlineMove } from "./move-online-order";
import { canMoveOnline } from "./online-status";

/**
 * Inside an order change's transaction, after the settle: an online order (source PICKUP or
 * DELIVERY) follows its order. Food all at the pass (expo passed the ticket, or the last item was
 * bumped): IN_KITCHEN → READY. The order voided (a manager cancelled it): CANCELLED; refused while out
 * for delivery (the driver ends it first); a failed delivery stays FAILED. `ifAt` makes a replayed or
 * racing pass a no-op.
 * Call afterOnlineMove with the answer after commit.
 */
export async function onlineFollowOrderInTx(
  tx: Tx,
  order: Pick<LockedOrder, "id" | "number" | "locationId" | "source">,
  settled: Pick<Settled, "status" | "previous">,
): Promise<OnlineMove | null> {
  if (order.source !== "PICKUP" && order.source !== "DELIVERY") return null;
  if (settled.status === settled.previous) return null;
  const where = { locationId: order.locationId, orderId: order.id };
  if (settled.status === "READY") return moveOnlineOrder(tx, where, "READY", { ifAt: "IN_KITCHEN" });
  if (settled.status === "VOIDED") {
    const row = await tx.onlineOrder.findFirst({ where, select: { status: true } });
    // The food is on the road: the driver ends it (delivered or failed), not a void behind their back.
    if (row?.status === "OUT_FOR_DELIVERY")
      throw new AppError(
        "INVALID_STATE",
        `Order #${order.number} is out for delivery; the driver marks it delivered or failed, then it can be voided`,
      );
    if (!row || !canMoveOnline(order.source, row.status, "CANCELLED")) return null;
    return moveOnlineOrder(tx, where, "CANCELLED", { ifAt: row.status });
  }
  return null;
}
