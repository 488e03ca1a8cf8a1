import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { idSchema, parseInput, text } from "../validation";
import { auditAs } from "../audit/record-audit";
import { resolveLines } from "./create-purchase-order";
import { poLinesSchema } from "./purchase-order-lines";
import { canEditLines, type PoStatus } from "./purchase-order-state";
import { assertCan } from "../auth/permissions";

export const updatePurchaseOrderSchema = z.object({
  id: idSchema,
  expectedAt: z.iso.date("Use a date like 2026-05-01").nullish(),
  notes: text().trim().max(500, "At most 500 characters").default(""),
  lines: poLinesSchema,
});
export type UpdatePurchaseOrderInput = z.input<typeof updatePurchaseOrderSchema>;

/** Replace a draft's lines and notes (only drafts change: a sent order is what the supplier has). */
export async function updatePurchaseOrder(ctx: Ctx, raw: UpdatePurchaseOrderInput) {
  assertCan(ctx, "inventory.manage");
  const input = parseInput(updatePurchaseOrderSchema, raw);
  return db.$transaction(async (tx) => {
    const po = await tx.purchaseOrder.findFirst({ where: { id: input.id, locationId: ctx.locationId } });
    if (!po) throw notFound("Purchase order");
    if (!canEditLines(po.status as PoStatus))
      throw new AppError("INVALID_STATE", "Only a draft purchase order can be edited");
    const lines = await resolveLines(tx, ctx, input.lines);
    await tx.purchaseOrderLine.deleteMany({ where: { purchaseOrderId: po.id } });
    await tx.purchaseOrder.update({
      where: { id: po.id },
      data: {
        notes: input.notes,
        expectedAt: input.expectedAt ? new Date(`${input.expectedAt}T00:00:00Z`) : null,
        lines: { create: lines },
      },
    });
    await auditAs(
      ctx,
      { action: "inventory.po.update", entityType: "PurchaseOrder", entityId: po.id, details: { lines: lines.length } },
      tx,
    );
    return { id: po.id };
  });
}
