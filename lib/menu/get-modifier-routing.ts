import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { assertCan } from "../auth/permissions";

/**
 * For the modifier editor: where each option is made and what it does to stock, and the
 * stations, dishes and ingredients it may point at (this location's only).
 */
export async function getModifierRouting(ctx: Ctx) {
  assertCan(ctx, "menu.edit");
  const where = { locationId: ctx.locationId };
  const [modifiers, stations, dishes, ingredients] = await Promise.all([
    db.modifier.findMany({
      where: { group: where },
      select: { id: true, stationId: true, recipeItemId: true, removesIngredientId: true },
    }),
    db.kitchenStation.findMany({
      where: { ...where, isExpo: false, archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true },
    }),
    db.menuItem.findMany({
      where: { ...where, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.ingredient.findMany({
      where: { ...where, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return {
    byModifier: Object.fromEntries(modifiers.map(({ id, ...r }) => [id, r])),
    stations,
    dishes,
    ingredients,
  };
}

export type ModifierRouting = Awaited<ReturnType<typeof getModifierRouting>>;
