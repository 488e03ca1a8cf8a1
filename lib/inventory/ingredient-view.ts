import type { Ingredient } from "@/generated/prisma/client";

/** The ingredient fields every inventory view shows, decimals as exact strings. */
export function ingredientView(i: Ingredient) {
  return {
    id: i.id,
    name: i.name,
    sku: i.sku,
    baseUnit: i.baseUnit,
    purchaseUnit: i.purchaseUnit,
    purchaseUnitSize: i.purchaseUnitSize.toString(),
    costCentsPerPurchaseUnit: i.costCentsPerPurchaseUnit,
    parLevel: i.parLevel.toString(),
    reorderPoint: i.reorderPoint.toString(),
  };
}
