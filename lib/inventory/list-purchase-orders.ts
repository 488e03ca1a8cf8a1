import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { toMilli } from "./quantity";
import { lineTotalCents } from "./units";
import { assertCan } from "../auth/permissions";

export async function listPurchaseOrders(ctx: Ctx) {
  assertCan(ctx, "inventory.manage");
  const rows = await db.purchaseOrder.findMany({
    where: { locationId: ctx.locationId },
    include: {
      supplier: { select: { name: true } },
      lines: { select: { quantityOrdered: true, unitCostCents: true } },
    },
    orderBy: { number: "desc" },
    take: 200,
  });
  return rows.map((po) => ({
    id: po.id,
    number: po.number,
    supplier: po.supplier.name,
    status: po.status,
    lineCount: po.lines.length,
    totalCents: po.lines.reduce((s, l) => s + lineTotalCents(toMilli(l.quantityOrdered), l.unitCostCents), 0),
    createdAt: po.createdAt.toISOString(),
    expectedAt: po.expectedAt?.toISOString().slice(0, 10) ?? null,
  }));
}
