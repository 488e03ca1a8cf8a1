// Inventory: suppliers, ingredients with a stock level, and recipe lines.
import type { BaseUnit, Ingredient, Supplier } from "@/generated/prisma/client";
import { testDb } from "../helpers";
import { tag } from "./tag";

export async function buildSupplier(locationId: string, spec: { name?: string } = {}): Promise<Supplier> {
  return testDb().supplier.create({ data: { locationId, name: spec.name ?? `Supplier ${tag()}` } });
}

export type IngredientSpec = {
  name?: string;
  baseUnit?: BaseUnit;
  /** On hand, in base units. */
  stock?: string;
  purchaseUnit?: string;
  purchaseUnitSize?: string;
  costCentsPerPurchaseUnit?: number;
  parLevel?: string;
  reorderPoint?: string;
  defaultSupplierId?: string;
};

/**
 * An ingredient with its stock level. The level is written directly, with no ledger row: a test
 * that reads the ledger starts from an empty one.
 */
export async function buildIngredient(locationId: string, spec: IngredientSpec = {}): Promise<Ingredient> {
  return testDb().ingredient.create({
    data: {
      locationId,
      name: spec.name ?? `Ingredient ${tag()}`,
      baseUnit: spec.baseUnit ?? "G",
      purchaseUnit: spec.purchaseUnit,
      purchaseUnitSize: spec.purchaseUnitSize,
      costCentsPerPurchaseUnit: spec.costCentsPerPurchaseUnit,
      parLevel: spec.parLevel,
      reorderPoint: spec.reorderPoint,
      defaultSupplierId: spec.defaultSupplierId,
      stockLevel: { create: { locationId, quantity: spec.stock ?? "0" } },
    },
  });
}

/** Recipe lines of a dish or of a modifier: [ingredient id, quantity in its base unit]. */
export async function buildRecipe(
  locationId: string,
  of: { menuItemId: string } | { modifierId: string },
  lines: [ingredientId: string, quantity: string][],
): Promise<void> {
  await testDb().recipeLine.createMany({
    data: lines.map(([ingredientId, quantity]) => ({ locationId, ...of, ingredientId, quantity })),
  });
}
