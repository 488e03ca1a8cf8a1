import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { idSchema, text } from "../validation";
import { auditAs } from "../audit/record-audit";
import { entryToBase } from "./entry-quantity";
import { NO_STOCK_EFFECTS, publishStockEffects } from "./stock-effects";
import { fromMilli } from "./quantity";
import { reconcileAvailability } from "./reconcile-availability";
import { positiveQuantitySchema } from "./schemas";
import { ingredientsHere } from "./tenancy";
import { assertCan } from "../auth/permissions";

export const setRecipeSchema = z
  .object({
    menuItemId: idSchema.optional(),
    modifierId: idSchema.optional(),
    lines: z
      .array(
        z.object({ ingredientId: idSchema, quantity: positiveQuantitySchema, unit: text().trim().max(10).optional() }),
      )
      .max(50, "At most 50 ingredients")
      .superRefine((lines, c) => {
        const seen = new Set<string>();
        lines.forEach((l, i) => {
          if (seen.has(l.ingredientId))
            c.addIssue({ code: "custom", path: [i, "ingredientId"], message: "Listed twice; combine the quantities" });
          seen.add(l.ingredientId);
        });
      }),
  })
  .refine((v) => !!v.menuItemId !== !!v.modifierId, {
    message: "Give a menu item or a modifier",
    path: ["menuItemId"],
  });
export type SetRecipeInput = z.infer<typeof setRecipeSchema>;

/** Replace a dish's or modifier's recipe (per portion, base units) and re-check its availability. */
export async function setRecipe(ctx: Ctx, input: SetRecipeInput) {
  assertCan(ctx, "inventory.manage");
  const effects = await db.$transaction(async (tx) => {
    const owner = input.menuItemId
      ? await tx.menuItem.findFirst({
          where: { id: input.menuItemId, locationId: ctx.locationId },
          select: { id: true, name: true },
        })
      : await tx.modifier.findFirst({
          where: { id: input.modifierId, group: { locationId: ctx.locationId } },
          select: { id: true, name: true },
        });
    if (!owner) throw notFound(input.menuItemId ? "Menu item" : "Modifier");
    const ingredients = await ingredientsHere(
      tx,
      ctx,
      input.lines.map((l) => l.ingredientId),
    );
    const lines = input.lines.map((l, i) => {
      const ing = ingredients.get(l.ingredientId)!;
      if (ing.archivedAt)
        throw new AppError("VALIDATION", "Archived ingredient", {
          [`lines.${i}.ingredientId`]: [`${ing.name} is archived`],
        });
      let qty: number;
      try {
        qty = entryToBase(l.quantity, l.unit, ing.baseUnit);
      } catch (error) {
        throw new AppError("VALIDATION", "That unit does not fit", {
          [`lines.${i}.unit`]: (error as AppError).fieldErrors?.unit ?? ["Unknown unit"],
        });
      }
      if (qty <= 0)
        throw new AppError("VALIDATION", "Too small", { [`lines.${i}.quantity`]: ["Rounds to zero in the base unit"] });
      return { ingredientId: l.ingredientId, quantity: fromMilli(qty) };
    });
    const where = input.menuItemId ? { menuItemId: owner.id } : { modifierId: owner.id };
    const before = await tx.recipeLine.findMany({ where, select: { ingredientId: true, quantity: true } });
    await tx.recipeLine.deleteMany({ where });
    if (lines.length)
      await tx.recipeLine.createMany({ data: lines.map((l) => ({ ...l, ...where, locationId: ctx.locationId })) });
    await auditAs(
      ctx,
      {
        action: "inventory.recipe.set",
        entityType: input.menuItemId ? "MenuItem" : "Modifier",
        entityId: owner.id,
        details: {
          name: owner.name,
          before: before.map((b) => ({ ingredientId: b.ingredientId, quantity: b.quantity.toString() })),
          after: lines,
        },
      },
      tx,
    );
    // A bigger portion may no longer be coverable (or a smaller one again); only menu items auto-86.
    const touched = [...new Set([...before.map((b) => b.ingredientId), ...lines.map((l) => l.ingredientId)])];
    if (!input.menuItemId) return NO_STOCK_EFFECTS;
    return { ...(await reconcileAvailability(tx, ctx, touched, [owner.id])), lowStock: [] };
  });
  await publishStockEffects(ctx, effects);
  return { eightySixed: effects.eightySixed, restored: effects.restored };
}
