import "server-only";
import type { OnlineOrderStatus, OrderSource } from "@/generated/prisma/enums";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { AppError, notFound } from "../errors";
import { updateOrderStatus } from "../orders/update-order-status";
import { parseInput } from "../validation";
import { canMoveOnline, onlineStatusLabel } from "./online-status";
import { cancelOnlineOrderSchema, type CancelOnlineOrderInput } from "./schemas";

/**
 * A manager cancels an online order before it leaves: the order is voided exactly as a floor void
 * (items voided, unmade stock back, audited), and the online order follows to CANCELLED in the
 * same transaction (lib/online/online-follow-order.ts), the customer told after commit.
 * The status is checked on the online row locked inside that transaction (after the order's lock,
 * the order every path takes): a driver picking it up or a second cancel meanwhile is INVALID_STATE.
 */
export async function cancelOnlineOrder(ctx: Ctx, raw: CancelOnlineOrderInput) {
  assertCan(ctx, "orders.voidSent", "Only a manager can cancel an online order");
  const input = parseInput(cancelOnlineOrderSchema, raw);
  await updateOrderStatus(
    ctx,
    { orderId: input.orderId, status: "VOIDED", reason: input.reason },
    {
      guard: async (tx, order) => {
        const rows = await tx.$queryRaw<{ status: OnlineOrderStatus; source: OrderSource }[]>`
          SELECT oo.status, o.source FROM "OnlineOrder" oo JOIN "Order" o ON o.id = oo."orderId"
           WHERE oo."orderId" = ${order.id} AND oo."locationId" = ${ctx.locationId}
             FOR UPDATE OF oo`;
        const row = rows[0];
        if (!row) throw notFound("Online order");
        if (!canMoveOnline(row.source, row.status, "CANCELLED"))
          throw new AppError(
            "INVALID_STATE",
            `This order is "${onlineStatusLabel(row.source, row.status)}"; it can no longer be cancelled.`,
          );
      },
    },
  );
  return { orderId: input.orderId, status: "CANCELLED" as const };
}
