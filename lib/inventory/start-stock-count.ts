import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { idSchema, parseInput, text } from "../validation";
import { auditAs } from "../audit/record-audit";
import { assertCan } from "../auth/permissions";

export const startStockCountSchema = z.object({
  note: text().trim().max(200, "At most 200 characters").default(""),
  /** Count only these (e.g. "walk-in fridge"); default every active ingredient. */
  ingredientIds: z.array(idSchema).max(2000).optional(),
});
export type StartStockCountInput = z.input<typeof startStockCountSchema>;

/** Open a count: snapshot each ingredient's current level as the expected quantity. */
export async function startStockCount(ctx: Ctx, raw: StartStockCountInput) {
  assertCan(ctx, "inventory.manage");
  const input = parseInput(startStockCountSchema, raw);
  return db.$transaction(async (tx) => {
    const ingredients = await tx.ingredient.findMany({
      where: {
        locationId: ctx.locationId,
        archivedAt: null,
        ...(input.ingredientIds ? { id: { in: input.ingredientIds } } : {}),
      },
      select: { id: true, stockLevel: { select: { quantity: true } } },
    });
    if (!ingredients.length)
      throw new AppError("VALIDATION", "There are no ingredients to count", {
        ingredientIds: ["Choose at least one ingredient"],
      });
    if (input.ingredientIds && ingredients.length !== new Set(input.ingredientIds).size)
      throw new AppError("NOT_FOUND", "Ingredient not found");
    const count = await tx.stockCount.create({
      data: {
        locationId: ctx.locationId,
        note: input.note,
        createdById: ctx.userId,
        lines: { create: ingredients.map((i) => ({ ingredientId: i.id, expectedQty: i.stockLevel?.quantity ?? "0" })) },
      },
    });
    await auditAs(
      ctx,
      {
        action: "inventory.count.start",
        entityType: "StockCount",
        entityId: count.id,
        details: { lines: ingredients.length },
      },
      tx,
    );
    return { id: count.id };
  });
}
