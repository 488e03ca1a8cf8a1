import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { idSchema, text } from "../validation";
import { entryToBase } from "./entry-quantity";
import { fromMilli } from "./quantity";
import { quantitySchema } from "./schemas";
import { assertCan } from "../auth/permissions";

export const saveStockCountSchema = z.object({
  id: idSchema,
  lines: z
    .array(
      z.object({ ingredientId: idSchema, counted: quantitySchema.nullable(), unit: text().trim().max(10).optional() }),
    )
    .max(2000),
});
export type SaveStockCountInput = z.infer<typeof saveStockCountSchema>;

/** Save counted quantities (null = not counted yet) while the count is open. */
export async function saveStockCount(ctx: Ctx, input: SaveStockCountInput) {
  assertCan(ctx, "inventory.manage");
  return db.$transaction(async (tx) => {
    const count = await tx.stockCount.findFirst({
      where: { id: input.id, locationId: ctx.locationId },
      include: { lines: { select: { id: true, ingredientId: true, ingredient: { select: { baseUnit: true } } } } },
    });
    if (!count) throw notFound("Stock count");
    if (count.status !== "OPEN") throw new AppError("INVALID_STATE", `This count is ${count.status.toLowerCase()}`);
    const byIngredient = new Map(count.lines.map((l) => [l.ingredientId, l]));
    for (const [i, l] of input.lines.entries()) {
      const line = byIngredient.get(l.ingredientId);
      if (!line)
        throw new AppError("VALIDATION", "Not on this count", {
          [`lines.${i}.ingredientId`]: ["This ingredient is not on the count"],
        });
      let countedQty: string | null = null;
      if (l.counted !== null) {
        try {
          countedQty = fromMilli(entryToBase(l.counted, l.unit, line.ingredient.baseUnit));
        } catch (error) {
          if (error instanceof AppError)
            throw new AppError("VALIDATION", error.message, {
              [`lines.${i}.unit`]: error.fieldErrors?.unit ?? [error.message],
            });
          throw error;
        }
      }
      await tx.stockCountLine.update({ where: { id: line.id }, data: { countedQty } });
    }
    return { id: count.id, saved: input.lines.length };
  });
}
