import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { idSchema } from "../validation";
import { auditAs } from "../audit/record-audit";
import { nextPoNumber } from "./create-purchase-order";
import { getReorderList } from "./get-reorder-list";
import { assertCan } from "../auth/permissions";

export const createReorderDraftsSchema = z.object({
  supplierIds: z.array(idSchema).min(1, "Choose at least one supplier").max(50),
});

/** One draft PO per chosen supplier from the reorder list's suggestions (all or nothing). */
export async function createReorderDrafts(ctx: Ctx, input: z.infer<typeof createReorderDraftsSchema>) {
  assertCan(ctx, "inventory.manage");
  const groups = (await getReorderList(ctx)).filter((g) => g.supplier && input.supplierIds.includes(g.supplier.id));
  if (!groups.length)
    throw new AppError("VALIDATION", "Nothing to reorder from these suppliers", {
      supplierIds: ["No low ingredients for them"],
    });
  return db.$transaction(async (tx) => {
    const created: { id: string; number: number; supplier: string }[] = [];
    for (const g of groups) {
      const number = await nextPoNumber(tx, ctx.locationId);
      const po = await tx.purchaseOrder.create({
        data: {
          locationId: ctx.locationId,
          number,
          supplierId: g.supplier!.id,
          createdById: ctx.userId,
          notes: "Created from the reorder list",
          lines: {
            create: g.lines.map((l) => ({
              ingredientId: l.id,
              quantityOrdered: String(l.suggestion!.purchaseUnits),
              unitCostCents: l.costCentsPerPurchaseUnit,
            })),
          },
        },
      });
      created.push({ id: po.id, number, supplier: g.supplier!.name });
      await auditAs(
        ctx,
        {
          action: "inventory.po.create",
          entityType: "PurchaseOrder",
          entityId: po.id,
          details: { number, fromReorderList: true },
        },
        tx,
      );
    }
    return created;
  });
}
