import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";

// Ids that arrive from clients are only trusted after a lookup scoped to the acting location:
// another location's id is indistinguishable from one that does not exist (404, not 403).

export async function assertSupplierHere(tx: Tx, ctx: Ctx, supplierId: string | null | undefined): Promise<void> {
  if (!supplierId) return;
  const found = await tx.supplier.findFirst({
    where: { id: supplierId, locationId: ctx.locationId },
    select: { id: true },
  });
  if (!found)
    throw new AppError("VALIDATION", "Unknown supplier", { defaultSupplierId: ["Choose a supplier from the list"] });
}

export async function ingredientsHere(tx: Tx, ctx: Ctx, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const found = await tx.ingredient.findMany({
    where: { id: { in: unique }, locationId: ctx.locationId },
    select: {
      id: true,
      name: true,
      baseUnit: true,
      purchaseUnit: true,
      purchaseUnitSize: true,
      costCentsPerPurchaseUnit: true,
      archivedAt: true,
    },
  });
  if (found.length !== unique.length) throw notFound("Ingredient");
  return new Map(found.map((i) => [i.id, i]));
}
