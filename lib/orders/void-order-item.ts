import "server-only";
import type { Ctx } from "../auth/context";

import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { auditAs } from "../audit/record-audit";

import { canMoveItem, itemReachedKitchen } from "./order-state";
import { voidItemSchema, type VoidItemInput } from "./schemas";

import { reverseStockForVoidedItems } from "../inventory/reverse-stock-for-voided-items";

import { assertCan, can, voidRefusal } from "../auth/permissions";
import { approvalIfNeeded, approvedByDetails, auditApprovalGiven } from "../staff/approve-with-pin";
import { changeOrder } from "./change-order";
import { enqueueVoidChits } from "../printing/kitchen-chits";

/**
 * Void one line, with a reason. A line the kitchen has seen (sent, ready, served) needs a
 * manager: it costs food and is a classic theft path. An unsent line can be voided by any order
 * taker (it never left the tablet). The station sees a voided ticket line until it acknowledges it.
 * Stock used by a fired line goes back on the shelf unless the food was made (bumped), or the
 * caller says otherwise; what was made and thrown away belongs in the waste log.
 *
 * A server may void a received line with a manager's approval typed on the same device (PIN or
 * password, `input.approval`): verified before the order's transaction (the hash is slow), then
 * the void is the server's, with the approver recorded beside them in the audit and the event.
 */
export async function voidOrderItem(ctx: Ctx, raw: VoidItemInput) {
  assertCan(ctx, "orders.take");
  const input = parseInput(voidItemSchema, raw);
  // Whoever may void sent lines themselves needs no approval: one given is ignored, not checked.
  const approval = await approvalIfNeeded(ctx, input.approval, {
    permission: "orders.voidSent",
    action: "order.item.void",
    entityType: "OrderItem",
    entityId: input.orderItemId,
  });
  const { change } = await changeOrder(
    ctx,
    input.orderId,
    async (tx) => {
      const item = await tx.orderItem.findFirst({
        where: { id: input.orderItemId, orderId: input.orderId, locationId: ctx.locationId },
        select: {
          id: true,
          name: true,
          status: true,
          bumpedAt: true,
          stationId: true,
          fireBatch: true,
          quantity: true,
          unitPriceCents: true,
          modifiersCents: true,
        },
      });
      if (!item) throw notFound("Order item");
      if (!canMoveItem(item, "void")) throw new AppError("INVALID_STATE", `${item.name} is already voided`);
      const reached = itemReachedKitchen(item.status);
      const refusal = voidRefusal(ctx.role, reached);
      if (refusal && !(approval && can(ctx, "orders.take")))
        throw new AppError("FORBIDDEN", refusal, undefined, { approvalRequired: can(ctx, "orders.take") });
      // Recorded only where it was needed: an unsent line is the server's own call.
      const approvedBy = refusal ? approval : null;
      await tx.orderItem.update({
        where: { id: item.id },
        data: { status: "VOIDED", voidedAt: new Date(), voidReason: input.reason, voidedById: ctx.userId },
      });
      await auditAs(
        ctx,
        {
          action: "order.item.void",
          entityType: "OrderItem",
          entityId: item.id,
          details: {
            orderId: input.orderId,
            name: item.name,
            quantity: item.quantity,
            previousStatus: item.status,
            reason: input.reason,
            lineCents: (item.unitPriceCents + item.modifiersCents) * item.quantity,
            ...approvedByDetails(approvedBy),
          },
        },
        tx,
      );
      await auditApprovalGiven(
        ctx,
        approvedBy,
        { for: "order.item.void", entityType: "OrderItem", entityId: item.id },
        tx,
      );
      // Stations printing on paper hear of it too (one statement; nothing without kitchen printers).
      if (reached)
        await enqueueVoidChits(tx, { locationId: ctx.locationId, orderItemId: item.id, createdById: ctx.userId });
      // Made food (bumped) was used up; only a line still waiting at its station goes back by default.
      const returnToStock = input.returnToStock ?? (item.status === "SENT" && item.bumpedAt === null);
      return {
        result: null,
        events: [
          {
            orderId: input.orderId,
            type: "items.voided",
            payload: {
              stationIds: itemReachedKitchen(item.status) ? [item.stationId] : [],
              itemIds: [item.id],
              fireBatch: item.fireBatch,
              reason: input.reason,
              ...(approvedBy ? { approvedById: approvedBy.approverId } : {}),
            },
          },
        ],
        // After the settle, like every stock move of an order (ADR 0006 lock order).
        afterSettle: async () => {
          return returnToStock ? reverseStockForVoidedItems(tx, ctx, [item.id]) : undefined;
        },
      };
    },
    { open: true },
  );
  const order = change?.orders?.[0];
  return { orderId: input.orderId, orderItemId: input.orderItemId, status: order?.status ?? null };
}
