import "server-only";
import type { Actor } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { applyMovements } from "./apply-movements";
import { toMilli, type Milli } from "./quantity";
import { consumptionOf, firstShortfall, recipesFrom, type Consumption, type FiredItem } from "./recipe-math";
import { NO_STOCK_EFFECTS, type StockEffects } from "./stock-effects";
import type { InsufficientStockError } from "./stock-ledger";
import { formatQuantity } from "./units";

export type { FiredItem };

/**
 * Called by the send-to-kitchen use case INSIDE its transaction: work out what the fired items
 * use (each recipe + chosen modifiers, − removals such as "no onions"; a side that is a portion
 * of another dish uses that dish's recipe) × quantity, and take it through the one stock pipeline
 * as SALE movements linked to the order items. A shortage names the dish and the ingredient and
 * rolls the whole send back. The caller publishes the effects after commit.
 */
export async function applyStockForFiredItems(tx: Tx, ctx: Actor, items: FiredItem[]): Promise<StockEffects> {
  if (!items.length) return NO_STOCK_EFFECTS;
  const menuItemIds = [...new Set(items.map((i) => i.menuItemId))];
  const modifierIds = [...new Set(items.flatMap((i) => i.modifierIds))];
  // Hand-written (two small reads on every send; the ORM's compile and mapping cost more than the SQL).
  const modifiers = modifierIds.length
    ? await tx.$queryRaw<{ id: string; recipeItemId: string | null; removesIngredientId: string | null }[]>`
        SELECT m.id, m."recipeItemId", m."removesIngredientId"
        FROM "Modifier" m JOIN "ModifierGroup" g ON g.id = m."groupId"
        WHERE m.id = ANY(${modifierIds}::text[]) AND g."locationId" = ${ctx.locationId}`
    : [];
  const dishIds = [...new Set([...menuItemIds, ...modifiers.flatMap((m) => (m.recipeItemId ? [m.recipeItemId] : []))])];
  const lines = await tx.$queryRaw<
    { menuItemId: string | null; modifierId: string | null; ingredientId: string; quantity: string }[]
  >`
    SELECT "menuItemId", "modifierId", "ingredientId", quantity::text AS quantity
    FROM "RecipeLine"
    WHERE "locationId" = ${ctx.locationId}
      AND ("menuItemId" = ANY(${dishIds}::text[]) OR "modifierId" = ANY(${modifierIds}::text[]))`;
  const recipes = recipesFrom(
    lines.map((l) => ({ ...l, quantity: toMilli(l.quantity) })),
    modifiers,
  );
  const consumption = consumptionOf(items, recipes);
  if (!consumption.length) return NO_STOCK_EFFECTS;

  const { changes: _changes, ...effects } = await applyMovements(
    tx,
    ctx,
    consumption.map((c) => ({
      ingredientId: c.ingredientId,
      delta: -c.quantity,
      type: "SALE" as const,
      orderItemId: c.orderItemId,
    })),
    (error) => outOfStock(tx, ctx, consumption, error),
  );
  return effects;
}

/** "Burger cannot be sent: only 120 g of Beef patty left": the dish the server tried and the short ingredient. */
async function outOfStock(
  tx: Tx,
  ctx: Actor,
  consumption: Consumption[],
  error: InsufficientStockError,
): Promise<AppError> {
  // The first dish (in send order) whose need of the short ingredient exceeds what is on hand.
  const onHand = new Map<string, Milli>([[error.ingredientId, error.available]]);
  const relevant = consumption.filter((c) => c.ingredientId === error.ingredientId);
  const short = firstShortfall(relevant, onHand) ?? relevant[0];
  // Sequential on purpose: one transaction is one connection.
  const item = await tx.menuItem.findFirst({
    where: { id: short.menuItemId, locationId: ctx.locationId },
    select: { name: true },
  });
  const ingredient = await tx.ingredient.findFirst({
    where: { id: error.ingredientId, locationId: ctx.locationId },
    select: { name: true, baseUnit: true },
  });
  const left = formatQuantity(error.available, ingredient?.baseUnit ?? "EACH");
  return new AppError(
    "OUT_OF_STOCK",
    `${item?.name ?? "An item"} cannot be sent: only ${left} of ${ingredient?.name ?? "an ingredient"} left`,
    undefined,
    { menuItemId: short.menuItemId, orderItemId: short.orderItemId, ingredientId: error.ingredientId },
  );
}
