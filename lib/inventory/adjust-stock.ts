import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { idSchema, text } from "../validation";
import { auditAs } from "../audit/record-audit";
import { applyMovements } from "./apply-movements";
import { entryToBase } from "./entry-quantity";
import { publishStockEffects } from "./stock-effects";
import { fromMilli } from "./quantity";
import { positiveQuantitySchema } from "./schemas";
import { ingredientsHere } from "./tenancy";
import { assertCan } from "../auth/permissions";

export const adjustStockSchema = z.object({
  ingredientId: idSchema,
  direction: z.enum(["ADD", "REMOVE"], { error: "Choose add or remove" }),
  quantity: positiveQuantitySchema,
  unit: text().trim().max(10).optional(),
  reason: text().trim().min(3, "Say why (at least 3 characters)").max(200, "At most 200 characters"),
});
export type AdjustStockInput = z.infer<typeof adjustStockSchema>;

/** A manual correction outside counts/receipts (opening stock, a transfer without paperwork…). Audited. */
export async function adjustStock(ctx: Ctx, input: AdjustStockInput) {
  assertCan(ctx, "inventory.manage");
  const effects = await db.$transaction(async (tx) => {
    const ing = (await ingredientsHere(tx, ctx, [input.ingredientId])).get(input.ingredientId)!;
    const qty = entryToBase(input.quantity, input.unit, ing.baseUnit);
    const delta = input.direction === "ADD" ? qty : -qty;
    const fx = await applyMovements(tx, ctx, [
      { ingredientId: ing.id, delta, type: "ADJUSTMENT", reason: input.reason },
    ]);
    await auditAs(
      ctx,
      {
        action: "inventory.stock.adjust",
        entityType: "Ingredient",
        entityId: ing.id,
        details: {
          delta: fromMilli(delta),
          before: fromMilli(fx.changes[0].before),
          after: fromMilli(fx.changes[0].after),
          reason: input.reason,
        },
      },
      tx,
    );
    return fx;
  });
  await publishStockEffects(ctx, effects);
  return { onHand: fromMilli(effects.changes[0].after) };
}
