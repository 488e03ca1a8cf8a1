import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { idSchema, text } from "../validation";
import { auditAs } from "../audit/record-audit";

import { applyMovements } from "./apply-movements";
import { publishStockEffects } from "./stock-effects";
import { positiveQuantitySchema } from "./schemas";
import { ingredientsHere } from "./tenancy";
import { entryToBase } from "./entry-quantity";
import { WASTE_REASONS } from "./waste-reasons";
import { assertCan } from "../auth/permissions";

export const logWasteSchema = z.object({
  ingredientId: idSchema,
  quantity: positiveQuantitySchema,
  /** Entry unit (g, kg, ml, l, each, dozen…); defaults to the base unit. */
  unit: text().trim().max(10).optional(),
  reason: z.enum(WASTE_REASONS, { error: "Choose a reason" }),
  note: text().trim().max(200, "At most 200 characters").optional(),
});
export type LogWasteInput = z.infer<typeof logWasteSchema>;

/** Record waste: a WASTE movement (negative), which may auto-86 dishes. Chefs may log waste too. */
export async function logWaste(ctx: Ctx, input: LogWasteInput) {
  assertCan(ctx, "inventory.waste");
  const effects = await db.$transaction(async (tx) => {
    const ing = (await ingredientsHere(tx, ctx, [input.ingredientId])).get(input.ingredientId)!;
    const qty = entryToBase(input.quantity, input.unit, ing.baseUnit);
    const reason = input.note ? `${input.reason}: ${input.note}` : input.reason;
    const fx = await applyMovements(tx, ctx, [{ ingredientId: ing.id, delta: -qty, type: "WASTE", reason }]);
    await auditAs(
      ctx,
      {
        action: "inventory.waste",
        entityType: "Ingredient",
        entityId: ing.id,
        details: { quantity: input.quantity, unit: input.unit ?? ing.baseUnit, reason },
      },
      tx,
    );
    return fx;
  });
  await publishStockEffects(ctx, effects);
  return { eightySixed: effects.eightySixed, lowStock: effects.lowStock };
}
