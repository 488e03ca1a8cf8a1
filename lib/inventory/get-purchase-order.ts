import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";
import { canCancel, canEditLines, canReceive, canSend, type PoStatus } from "./purchase-order-state";
import { toMilli } from "./quantity";
import { lineTotalCents } from "./units";
import { assertCan } from "../auth/permissions";

export async function getPurchaseOrder(ctx: Ctx, id: string) {
  assertCan(ctx, "inventory.manage");
  const po = await db.purchaseOrder.findFirst({
    where: { id, locationId: ctx.locationId },
    include: {
      supplier: { select: { id: true, name: true, email: true } },
      createdBy: { select: { name: true } },
      lines: {
        include: {
          ingredient: { select: { id: true, name: true, baseUnit: true, purchaseUnit: true, purchaseUnitSize: true } },
        },
        orderBy: { ingredient: { name: "asc" } },
      },
    },
  });
  if (!po) throw notFound("Purchase order");
  const status = po.status as PoStatus;
  const lines = po.lines.map((l) => ({
    id: l.id,
    ingredientId: l.ingredientId,
    ingredient: l.ingredient.name,
    baseUnit: l.ingredient.baseUnit,
    purchaseUnit: l.ingredient.purchaseUnit,
    purchaseUnitSize: l.ingredient.purchaseUnitSize.toString(),
    quantityOrdered: l.quantityOrdered.toString(),
    quantityReceived: l.quantityReceived.toString(),
    unitCostCents: l.unitCostCents,
    lineTotalCents: lineTotalCents(toMilli(l.quantityOrdered), l.unitCostCents),
  }));
  return {
    id: po.id,
    number: po.number,
    status,
    supplier: po.supplier,
    notes: po.notes,
    createdBy: po.createdBy?.name ?? null,
    createdAt: po.createdAt.toISOString(),
    expectedAt: po.expectedAt?.toISOString().slice(0, 10) ?? null,
    sentAt: po.sentAt?.toISOString() ?? null,
    receivedAt: po.receivedAt?.toISOString() ?? null,
    cancelledAt: po.cancelledAt?.toISOString() ?? null,
    lines,
    totalCents: lines.reduce((s, l) => s + l.lineTotalCents, 0),
    can: { edit: canEditLines(status), send: canSend(status), receive: canReceive(status), cancel: canCancel(status) },
  };
}
