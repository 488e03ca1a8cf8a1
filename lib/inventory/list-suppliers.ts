import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { assertRole } from "./authorize";

export async function listSuppliers(ctx: Ctx) {
  assertRole(ctx);
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
