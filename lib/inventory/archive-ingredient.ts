import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { idSchema } from "../validation";
import { auditAs } from "../audit/record-audit";
import { assertCan } from "../auth/permissions";

export const archiveIngredientSchema = z.object({ id: idSchema });

/** Archive (never delete: the ledger keeps referring to it). Refused while a recipe uses it. */
export async function archiveIngredient(ctx: Ctx, input: z.infer<typeof archiveIngredientSchema>) {
  assertCan(ctx, "inventory.manage");
  return db.$transaction(async (tx) => {
    const ing = await tx.ingredient.findFirst({
      where: { id: input.id, locationId: ctx.locationId, archivedAt: null },
    });
    if (!ing) throw notFound("Ingredient");
    const uses = await tx.recipeLine.findMany({
      where: { ingredientId: ing.id },
      select: { menuItem: { select: { name: true } }, modifier: { select: { name: true } } },
      take: 5,
    });
    if (uses.length) {
      const names = uses.map((u) => u.menuItem?.name ?? u.modifier?.name).join(", ");
      throw new AppError("CONFLICT", `${ing.name} is still in recipes: ${names}. Remove it from them first.`);
    }
    await tx.ingredient.update({ where: { id: ing.id }, data: { archivedAt: new Date() } });
    await auditAs(
      ctx,
      {
        action: "inventory.ingredient.archive",
        entityType: "Ingredient",
        entityId: ing.id,
        details: { name: ing.name },
      },
      tx,
    );
    return { id: ing.id };
  });
}
