import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { idSchema, parseInput, text } from "../validation";
import { auditAs } from "../audit/record-audit";
import { poLinesSchema, type PoLinesInput } from "./purchase-order-lines";
import { ingredientsHere } from "./tenancy";
import { assertCan } from "../auth/permissions";

export const createPurchaseOrderSchema = z.object({
  supplierId: idSchema,
  expectedAt: z.iso.date("Use a date like 2026-05-01").nullish(),
  notes: text().trim().max(500, "At most 500 characters").default(""),
  lines: poLinesSchema,
});
export type CreatePurchaseOrderInput = z.input<typeof createPurchaseOrderSchema>;

export async function createPurchaseOrder(ctx: Ctx, raw: CreatePurchaseOrderInput) {
  assertCan(ctx, "inventory.manage");
  const input = parseInput(createPurchaseOrderSchema, raw);
  return db.$transaction(async (tx) => {
    const supplier = await tx.supplier.findFirst({
      where: { id: input.supplierId, locationId: ctx.locationId },
      select: { id: true },
    });
    if (!supplier)
      throw new AppError("VALIDATION", "Unknown supplier", { supplierId: ["Choose a supplier from the list"] });
    const lines = await resolveLines(tx, ctx, input.lines);
    const number = await nextPoNumber(tx, ctx.locationId);
    const po = await tx.purchaseOrder.create({
      data: {
        locationId: ctx.locationId,
        number,
        supplierId: supplier.id,
        notes: input.notes,
        createdById: ctx.userId,
        expectedAt: input.expectedAt ? new Date(`${input.expectedAt}T00:00:00Z`) : null,
        lines: { create: lines },
      },
    });
    await auditAs(
      ctx,
      {
        action: "inventory.po.create",
        entityType: "PurchaseOrder",
        entityId: po.id,
        details: { number, lines: lines.length },
      },
      tx,
    );
    return { id: po.id, number };
  });
}

/** Check every ingredient belongs here (404 otherwise) and fill in default unit costs. */
export async function resolveLines(tx: Tx, ctx: Ctx, lines: PoLinesInput) {
  const ingredients = await ingredientsHere(
    tx,
    ctx,
    lines.map((l) => l.ingredientId),
  );
  return lines.map((l) => ({
    ingredientId: l.ingredientId,
    quantityOrdered: l.quantityOrdered,
    unitCostCents: l.unitCostCents ?? ingredients.get(l.ingredientId)!.costCentsPerPurchaseUnit,
  }));
}

/** Gapless per-location PO numbers (the counter row is created on first use). */
export async function nextPoNumber(tx: Tx, locationId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ poNumber: number }[]>`
    INSERT INTO "LocationCounter" ("locationId", "poNumber") VALUES (${locationId}, 1)
    ON CONFLICT ("locationId") DO UPDATE SET "poNumber" = "LocationCounter"."poNumber" + 1
    RETURNING "poNumber"`;
  return Number(rows[0].poNumber);
}
