import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, isUniqueViolation, notFound } from "../errors";
import { idSchema } from "../validation";
import { auditAs } from "../audit/record-audit";
import { ingredientFieldsSchema } from "./ingredient-fields";
import { assertSupplierHere } from "./tenancy";
import { assertCan } from "../auth/permissions";

export const updateIngredientSchema = z.object({ id: idSchema, fields: ingredientFieldsSchema });
export type UpdateIngredientInput = z.infer<typeof updateIngredientSchema>;

export async function updateIngredient(ctx: Ctx, input: UpdateIngredientInput) {
  assertCan(ctx, "inventory.manage");
  return db.$transaction(async (tx) => {
    const before = await tx.ingredient.findFirst({
      where: { id: input.id, locationId: ctx.locationId, archivedAt: null },
    });
    if (!before) throw notFound("Ingredient");
    if (before.baseUnit !== input.fields.baseUnit) {
      const used = await tx.stockMovement.count({ where: { ingredientId: before.id } });
      // Changing g → ml would silently reinterpret every recorded quantity.
      if (used > 0)
        throw new AppError("VALIDATION", "The base unit cannot change once stock has moved", {
          baseUnit: ["Locked: this ingredient has stock history"],
        });
    }
    await assertSupplierHere(tx, ctx, input.fields.defaultSupplierId);
    try {
      await tx.ingredient.update({ where: { id: before.id }, data: input.fields });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("CONFLICT", "An ingredient with this name exists", {
          name: ["Already used by another ingredient"],
        });
      throw error;
    }
    await auditAs(
      ctx,
      {
        action: "inventory.ingredient.update",
        entityType: "Ingredient",
        entityId: before.id,
        details: {
          before: {
            name: before.name,
            purchaseUnit: before.purchaseUnit,
            purchaseUnitSize: before.purchaseUnitSize.toString(),
            costCentsPerPurchaseUnit: before.costCentsPerPurchaseUnit,
            parLevel: before.parLevel.toString(),
            reorderPoint: before.reorderPoint.toString(),
          },
          after: { ...input.fields },
        },
      },
      tx,
    );
    return { id: before.id };
  });
}
