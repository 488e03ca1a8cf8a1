import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { ingredientView } from "./ingredient-view";
import { toMilli, fromMilli } from "./quantity";
import { isLow, reorderSuggestion } from "./reorder";
import { valueCents } from "./units";
import { assertCan } from "../auth/permissions";

export type IngredientRow = Awaited<ReturnType<typeof listIngredients>>[number];

/** Ingredients with on-hand stock (exact decimal strings), value, low flag and suggestion. */
export async function listIngredients(ctx: Ctx, opts: { includeArchived?: boolean } = {}) {
  assertCan(ctx, "inventory.manage");
  const rows = await db.ingredient.findMany({
    where: { locationId: ctx.locationId, ...(opts.includeArchived ? {} : { archivedAt: null }) },
    include: {
      stockLevel: { select: { quantity: true, updatedAt: true } },
      defaultSupplier: { select: { id: true, name: true } },
      _count: { select: { recipeLines: true } },
    },
    orderBy: { name: "asc" },
  });
  return rows.map((i) => {
    const onHand = i.stockLevel ? toMilli(i.stockLevel.quantity) : 0;
    const pos = {
      onHand,
      parLevel: toMilli(i.parLevel),
      reorderPoint: toMilli(i.reorderPoint),
      purchaseUnitSize: toMilli(i.purchaseUnitSize),
      costCentsPerPurchaseUnit: i.costCentsPerPurchaseUnit,
    };
    return {
      ...ingredientView(i),
      onHand: fromMilli(onHand),
      valueCents: valueCents(onHand, pos.purchaseUnitSize, i.costCentsPerPurchaseUnit),
      low: isLow(pos),
      suggestion: reorderSuggestion(pos),
      supplier: i.defaultSupplier,
      recipeCount: i._count.recipeLines,
      archived: i.archivedAt !== null,
      updatedAt: i.stockLevel?.updatedAt ?? i.updatedAt,
    };
  });
}
