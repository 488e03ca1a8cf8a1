import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { recordCodFailure } from "../customers/record-cod-failure";
import { db } from "../db";
import { AppError } from "../errors";
import { afterOnlineMove } from "../online/after-online-move";
import { moveOnlineOrder, type OnlineMove } from "../online/move-online-order";
import { parseInput } from "../validation";
import { countsAsCodFailure, failedReasonText } from "./delivery-rules";
import { finishRouteIfDone, lockMyOrder } from "./driver-locks";
import { failedSchema, orderIdSchema, type FailedInput } from "./schemas";

/**
 * The delivery could not be made. A refused or unanswered cash order counts against the customer
 * (Customer.codFailures feeds the block suggestion).
 */
export async function markFailed(ctx: Ctx, raw: { orderId: string } & FailedInput) {
  assertCan(ctx, "delivery.drive");
  const { orderId } = parseInput(orderIdSchema, { orderId: raw.orderId });
  const input = parseInput(failedSchema, { reason: raw.reason, note: raw.note });
  let move: OnlineMove | null = null;
  const result = await db.$transaction(async (tx) => {
    const o = await lockMyOrder(tx, ctx, orderId);
    if (o.status !== "OUT_FOR_DELIVERY")
      throw new AppError("INVALID_STATE", `Order #${o.number} is not out for delivery; pick it up first`);
    const now = new Date();
    const failedReason = failedReasonText(input.reason, input.note);
    move = await moveOnlineOrder(tx, { locationId: ctx.locationId, orderId }, "FAILED", {
      now,
      patch: { failedReason },
    });
    const codFailure = o.customerId !== null && countsAsCodFailure(o.payment, input.reason);
    // lib/customers will offer recordCodFailure (the block suggestion); until then the counter alone.
    if (codFailure) await recordCodFailure(tx, o.customerId!);
    const routeDone = await finishRouteIfDone(tx, o.routeId, now);
    await auditAs(
      ctx,
      {
        action: "delivery.order.failed",
        entityType: "Order",
        entityId: orderId,
        details: { number: o.number, reason: input.reason, note: input.note ?? null, codFailure },
      },
      tx,
    );
    return { orderId, status: "FAILED" as const, reason: input.reason, codFailure, routeDone };
  });
  await afterOnlineMove([move]);
  return result;
}
