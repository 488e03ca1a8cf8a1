import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { assertCan } from "../auth/permissions";

export async function listSuppliers(ctx: Ctx) {
  assertCan(ctx, "inventory.manage");
  const rows = await db.supplier.findMany({
    where: { locationId: ctx.locationId },
    include: { _count: { select: { ingredients: true, purchaseOrders: true } } },
    orderBy: { name: "asc" },
  });
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    contactName: s.contactName,
    email: s.email,
    phone: s.phone,
    leadTimeDays: s.leadTimeDays,
    ingredientCount: s._count.ingredients,
    purchaseOrderCount: s._count.purchaseOrders,
  }));
}
