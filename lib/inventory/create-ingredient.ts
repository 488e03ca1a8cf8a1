import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { auditAs } from "../audit/record-audit";
import { ingredientFieldsSchema } from "./ingredient-fields";
import { assertSupplierHere } from "./tenancy";
import { assertCan } from "../auth/permissions";

export const createIngredientSchema = ingredientFieldsSchema;
export type CreateIngredientInput = z.infer<typeof createIngredientSchema>;

export async function createIngredient(ctx: Ctx, input: CreateIngredientInput) {
  assertCan(ctx, "inventory.manage");
  return db.$transaction(async (tx) => {
    await assertSupplierHere(tx, ctx, input.defaultSupplierId);
    try {
      const ingredient = await tx.ingredient.create({
        data: {
          ...input,
          locationId: ctx.locationId,
          stockLevel: { create: { locationId: ctx.locationId, quantity: "0" } },
        },
      });
      await auditAs(
        ctx,
        {
          action: "inventory.ingredient.create",
          entityType: "Ingredient",
          entityId: ingredient.id,
          details: { after: { ...input } },
        },
        tx,
      );
      return { id: ingredient.id };
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AppError("CONFLICT", "An ingredient with this name exists", {
          name: ["Already used by another ingredient"],
        });
      throw error;
    }
  });
}
