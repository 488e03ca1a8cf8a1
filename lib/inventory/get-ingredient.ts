import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { ingredientView } from "./ingredient-view";
import { notFound } from "../errors";
import { assertCan } from "../auth/permissions";

/** One ingredient with its level and where it is used (recipes). */
export async function getIngredient(ctx: Ctx, id: string) {
  assertCan(ctx, "inventory.manage");
  const i = await db.ingredient.findFirst({
    where: { id, locationId: ctx.locationId },
    include: {
      stockLevel: { select: { quantity: true } },
      defaultSupplier: { select: { id: true, name: true } },
      recipeLines: {
        select: {
          quantity: true,
          menuItem: { select: { id: true, name: true } },
          modifier: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!i) throw notFound("Ingredient");
  return {
    ...ingredientView(i),
    defaultSupplierId: i.defaultSupplierId,
    supplier: i.defaultSupplier,
    archived: i.archivedAt !== null,
    onHand: i.stockLevel?.quantity.toString() ?? "0",
    usedIn: i.recipeLines.map((l) => ({ quantity: l.quantity.toString(), menuItem: l.menuItem, modifier: l.modifier })),
  };
}
