import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { formatCents } from "../money";
import { afterOnlineMove } from "../online/after-online-move";
import { moveOnlineOrder, type OnlineMove } from "../online/move-online-order";
import { parseInput } from "../validation";
import { amountToCollect, collectedProblem } from "./delivery-rules";
import { finishRouteIfDone, lockMyOrder } from "./driver-locks";
import { deliveredSchema, orderIdSchema, type DeliveredInput } from "./schemas";

/**
 * Handed over at the door. Cash on delivery needs the cash taken (at least what is due; the rest
 * was change the driver gave back, so only the due amount counts towards the cash-up). The Order
 * itself stays open for the cashier: its payment is recorded against a drawer at cash-up time.
 */
export async function markDelivered(ctx: Ctx, raw: { orderId: string } & DeliveredInput) {
  assertCan(ctx, "delivery.drive");
  const { orderId } = parseInput(orderIdSchema, { orderId: raw.orderId });
  const input = parseInput(deliveredSchema, { collectedCents: raw.collectedCents });
  let move: OnlineMove | null = null;
  const result = await db.$transaction(async (tx) => {
    const o = await lockMyOrder(tx, ctx, orderId);
    if (o.status !== "OUT_FOR_DELIVERY")
      throw new AppError("INVALID_STATE", `Order #${o.number} is not out for delivery; pick it up first`);
    const due = amountToCollect(o.payment, o.dueCents, o.paidCents);
    const problem = collectedProblem(o.payment, due, input.collectedCents);
    if (problem)
      throw new AppError("VALIDATION", problem, { collectedCents: [`${problem} (due ${formatCents(due)})`] });
    const collectedCents = o.payment === "CASH_ON_DELIVERY" ? due : null;
    const now = new Date();
    move = await moveOnlineOrder(tx, { locationId: ctx.locationId, orderId }, "DELIVERED", {
      now,
      patch: { collectedCents },
    });
    const routeDone = await finishRouteIfDone(tx, o.routeId, now);
    await auditAs(
      ctx,
      {
        action: "delivery.order.delivered",
        entityType: "Order",
        entityId: orderId,
        details: {
          number: o.number,
          payment: o.payment,
          dueCents: due,
          collectedCents,
          tenderedCents: input.collectedCents ?? null,
        },
      },
      tx,
    );
    return {
      orderId,
      status: "DELIVERED" as const,
      collectedCents,
      changeCents: collectedCents !== null ? (input.collectedCents ?? 0) - collectedCents : 0,
      routeDone,
    };
  });
  await afterOnlineMove([move]);
  return result;
}
