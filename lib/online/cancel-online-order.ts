import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { updateOrderStatus } from "../orders/update-order-status";
import { parseInput } from "../validation";
import { canMoveOnline, onlineStatusLabel } from "./online-status";
import { cancelOnlineOrderSchema, type CancelOnlineOrderInput } from "./schemas";

/**
 * A manager cancels an online order before it leaves: the order is voided exactly as a floor void
 * (items voided, unmade stock back, audited), and the online order follows to CANCELLED in the
 * same transaction (lib/online/online-follow-order.ts), the customer told after commit.
 */
export async function cancelOnlineOrder(ctx: Ctx, raw: CancelOnlineOrderInput) {
  assertCan(ctx, "orders.voidSent", "Only a manager can cancel an online order");
  const input = parseInput(cancelOnlineOrderSchema, raw);
  const row = await db.onlineOrder.findFirst({
    where: { orderId: input.orderId, locationId: ctx.locationId },
    select: { status: true, order: { select: { source: true } } },
  });
  if (!row) throw notFound("Online order");
  if (!canMoveOnline(row.order.source, row.status, "CANCELLED"))
    throw new AppError(
      "INVALID_STATE",
      `This order is "${onlineStatusLabel(row.order.source, row.status)}"; it can no longer be cancelled.`,
    );
  await updateOrderStatus(ctx, { orderId: input.orderId, status: "VOIDED", reason: input.reason });
  return { orderId: input.orderId, status: "CANCELLED" as const };
}
