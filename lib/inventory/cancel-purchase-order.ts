import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { idSchema, text } from "../validation";
import { auditAs } from "../audit/record-audit";
import { cancelRefusal, type PoStatus } from "./purchase-order-state";
import { assertCan } from "../auth/permissions";

export const cancelPurchaseOrderSchema = z.object({ id: idSchema, reason: text().trim().max(200).optional() });

/** Cancel a draft or sent order. Refused once anything has been received (stock already moved). */
export async function cancelPurchaseOrder(ctx: Ctx, input: z.infer<typeof cancelPurchaseOrderSchema>) {
  assertCan(ctx, "inventory.manage");
  return db.$transaction(async (tx) => {
    const po = await tx.purchaseOrder.findFirst({ where: { id: input.id, locationId: ctx.locationId } });
    if (!po) throw notFound("Purchase order");
    const refusal = cancelRefusal(po.status as PoStatus);
    if (refusal) throw new AppError("INVALID_STATE", refusal);
    // Guarded: a receipt committing between our read and this write wins.
    const r = await tx.purchaseOrder.updateMany({
      where: { id: po.id, status: { in: ["DRAFT", "SENT"] } },
      data: { status: "CANCELLED", cancelledAt: new Date() },
    });
    if (r.count === 0) throw new AppError("INVALID_STATE", cancelRefusal("RECEIVED")!);
    await auditAs(
      ctx,
      {
        action: "inventory.po.cancel",
        entityType: "PurchaseOrder",
        entityId: po.id,
        details: { number: po.number, reason: input.reason ?? null },
      },
      tx,
    );
    return { id: po.id, status: "CANCELLED" as const };
  });
}
