import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { idSchema } from "../validation";
import { auditAs } from "../audit/record-audit";
import { applyMovements } from "./apply-movements";
import { publishStockEffects } from "./stock-effects";
import { canReceive, statusAfterReceipt, type PoStatus } from "./purchase-order-state";
import { fromMilli, toMilli } from "./quantity";
import { weightedUnitCost } from "./reorder";
import { quantitySchema } from "./schemas";
import { purchaseToBase } from "./units";
import { assertCan } from "../auth/permissions";

export const receivePurchaseOrderSchema = z.object({
  id: idSchema,
  /** This delivery, in purchase units. Omitted = everything still outstanding, at the ordered cost. */
  lines: z
    .array(
      z.object({
        lineId: idSchema,
        quantity: quantitySchema,
        /** The invoice price when it differs from the order. */
        unitCostCents: z
          .number()
          .int("Whole cents")
          .min(0, "Cannot be negative")
          .max(100_000_00, "Too large")
          .optional(),
      }),
    )
    .max(200)
    .optional(),
});
export type ReceivePurchaseOrderInput = z.infer<typeof receivePurchaseOrderSchema>;

/**
 * Book a delivery: raise stock (purchase units × unit size → base units) with RECEIPT movements,
 * update each ingredient's unit cost (weighted average), move the order to PARTIALLY_RECEIVED or
 * RECEIVED, and bring back dishes that were AUTO-86'd for lack of these ingredients.
 */
export async function receivePurchaseOrder(ctx: Ctx, input: ReceivePurchaseOrderInput) {
  assertCan(ctx, "inventory.manage");
  const result = await db.$transaction(async (tx) => {
    // Lock the order: two people booking the same delivery must not both add the stock.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "PurchaseOrder" WHERE id = ${input.id} AND "locationId" = ${ctx.locationId} FOR UPDATE`;
    if (!locked.length) throw notFound("Purchase order");
    const po = await tx.purchaseOrder.findUniqueOrThrow({
      where: { id: input.id },
      include: {
        lines: {
          include: {
            ingredient: {
              select: {
                id: true,
                name: true,
                purchaseUnitSize: true,
                costCentsPerPurchaseUnit: true,
                stockLevel: { select: { quantity: true } },
              },
            },
          },
        },
      },
    });
    if (!canReceive(po.status as PoStatus)) {
      throw new AppError(
        "INVALID_STATE",
        po.status === "DRAFT"
          ? "Mark the order as sent before receiving it"
          : `This purchase order is ${po.status.toLowerCase().replace("_", " ")}`,
      );
    }
    const byId = new Map(po.lines.map((l) => [l.id, l]));
    const delivery = input.lines
      ? input.lines.map((d, i) => {
          const line = byId.get(d.lineId);
          if (!line)
            throw new AppError("VALIDATION", "Unknown line", { [`lines.${i}.lineId`]: ["Not a line of this order"] });
          return { line, qty: toMilli(d.quantity), cost: d.unitCostCents ?? line.unitCostCents };
        })
      : po.lines.map((line) => ({
          line,
          qty: Math.max(0, toMilli(line.quantityOrdered) - toMilli(line.quantityReceived)),
          cost: line.unitCostCents,
        }));
    const received = delivery.filter((d) => d.qty > 0);
    if (!received.length)
      throw new AppError("VALIDATION", "Enter a received quantity for at least one line", {
        lines: ["Nothing to receive"],
      });

    for (const d of received) {
      const size = toMilli(d.line.ingredient.purchaseUnitSize);
      const onHand = d.line.ingredient.stockLevel ? toMilli(d.line.ingredient.stockLevel.quantity) : 0;
      const newCost = weightedUnitCost({
        onHandBefore: onHand,
        oldCostCents: d.line.ingredient.costCentsPerPurchaseUnit,
        receivedBase: purchaseToBase(d.qty, size),
        newCostCents: d.cost,
        purchaseUnitSize: size,
      });
      await tx.ingredient.update({ where: { id: d.line.ingredientId }, data: { costCentsPerPurchaseUnit: newCost } });
      await tx.purchaseOrderLine.update({
        where: { id: d.line.id },
        data: { quantityReceived: fromMilli(toMilli(d.line.quantityReceived) + d.qty), unitCostCents: d.cost },
      });
    }
    const effects = await applyMovements(
      tx,
      ctx,
      received.map((d) => ({
        ingredientId: d.line.ingredientId,
        delta: purchaseToBase(d.qty, toMilli(d.line.ingredient.purchaseUnitSize)),
        type: "RECEIPT" as const,
        purchaseOrderLineId: d.line.id,
        reason: `PO #${po.number}`,
      })),
    );
    const after = po.lines.map((l) => ({
      ordered: toMilli(l.quantityOrdered),
      received: toMilli(l.quantityReceived) + received.filter((d) => d.line.id === l.id).reduce((s, d) => s + d.qty, 0),
    }));
    const status = statusAfterReceipt(after);
    await tx.purchaseOrder.update({
      where: { id: po.id },
      data: { status, receivedAt: status === "RECEIVED" ? new Date() : null },
    });
    await auditAs(
      ctx,
      {
        action: "inventory.po.receive",
        entityType: "PurchaseOrder",
        entityId: po.id,
        details: {
          number: po.number,
          status,
          lines: received.map((d) => ({
            ingredient: d.line.ingredient.name,
            quantity: fromMilli(d.qty),
            unitCostCents: d.cost,
          })),
        },
      },
      tx,
    );
    return { status, effects };
  });
  await publishStockEffects(ctx, result.effects);
  return { status: result.status, restored: result.effects.restored };
}
