import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { idSchema } from "../validation";
import { auditAs } from "../audit/record-audit";
import { assertCan } from "../auth/permissions";

export const purchaseOrderIdSchema = z.object({ id: idSchema });

/** DRAFT → SENT (the guard in the WHERE makes a double click harmless). */
export async function sendPurchaseOrder(ctx: Ctx, input: z.infer<typeof purchaseOrderIdSchema>) {
  assertCan(ctx, "inventory.manage");
  return db.$transaction(async (tx) => {
    const po = await tx.purchaseOrder.findFirst({
      where: { id: input.id, locationId: ctx.locationId },
      include: { _count: { select: { lines: true } } },
    });
    if (!po) throw notFound("Purchase order");
    if (po._count.lines === 0)
      throw new AppError("VALIDATION", "Add at least one line before sending", { lines: ["Add at least one line"] });
    const r = await tx.purchaseOrder.updateMany({
      where: { id: po.id, status: "DRAFT" },
      data: { status: "SENT", sentAt: new Date() },
    });
    if (r.count === 0)
      throw new AppError(
        "INVALID_STATE",
        `This purchase order is ${po.status.toLowerCase().replace("_", " ")}, not a draft`,
      );
    await auditAs(
      ctx,
      { action: "inventory.po.send", entityType: "PurchaseOrder", entityId: po.id, details: { number: po.number } },
      tx,
    );
    return { id: po.id, status: "SENT" as const };
  });
}
