import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { toMilli, type Milli } from "./quantity";
import { consumptionOf, firstShortfall, recipesFrom, type Consumption, type FiredItem } from "./recipe-math";
import { InsufficientStockError, postMovements, isCheckViolation } from "./stock-ledger";
import { reconcileAvailability } from "./reconcile-availability";
import { lowStockCrossings, type LowStockAlert } from "./low-stock";
import { formatQuantity } from "./units";

// Owned by menu/inventory (issue #4). Called by lib/orders/fire-items.ts; keep the signature.

export type { FiredItem };

export type StockEffects = {
  eightySixedMenuItemIds: string[];
  /** Ingredients that just fell to/below their reorder point: pass to publishStockEffects after commit. */
  lowStock: LowStockAlert[];
};

/**
 * Called by the send-to-kitchen use case INSIDE its transaction: decrement stock for each fired
 * item's recipe (+ chosen modifiers, − removals such as "no onions"; a side that is a portion of
 * another dish uses that dish's recipe) × quantity with one guarded UPDATE per ingredient (sorted
 * ids = lock order, so concurrent sends cannot deadlock), record SALE movements linked to the
 * order items, and auto-86 what can no longer be made once more. If any ingredient is short it
 * throws OUT_OF_STOCK naming the dish and the ingredient; the caller's transaction then rolls
 * back everything (no partial decrement, no movement). The caller publishes after commit.
 */
export async function applyStockForFiredItems(tx: Tx, ctx: Ctx, items: FiredItem[]): Promise<StockEffects> {
  const none: StockEffects = { eightySixedMenuItemIds: [], lowStock: [] };
  if (!items.length) return none;
  const menuItemIds = [...new Set(items.map((i) => i.menuItemId))];
  const modifierIds = [...new Set(items.flatMap((i) => i.modifierIds))];
  const modifiers = modifierIds.length
    ? await tx.modifier.findMany({
        where: { id: { in: modifierIds }, group: { locationId: ctx.locationId } },
        select: { id: true, recipeItemId: true, removesIngredientId: true },
      })
    : [];
  const dishIds = [...new Set([...menuItemIds, ...modifiers.flatMap((m) => (m.recipeItemId ? [m.recipeItemId] : []))])];
  const lines = await tx.recipeLine.findMany({
    where: {
      locationId: ctx.locationId,
      OR: [{ menuItemId: { in: dishIds } }, ...(modifierIds.length ? [{ modifierId: { in: modifierIds } }] : [])],
    },
    select: { menuItemId: true, modifierId: true, ingredientId: true, quantity: true },
  });
  const recipes = recipesFrom(
    lines.map((l) => ({ ...l, quantity: toMilli(l.quantity) })),
    modifiers,
  );
  const consumption = consumptionOf(items, recipes);
  if (!consumption.length) return none;

  let changes;
  try {
    changes = await postMovements(
      tx,
      { locationId: ctx.locationId, userId: ctx.userId },
      consumption.map((c) => ({
        ingredientId: c.ingredientId,
        delta: -c.quantity,
        type: "SALE" as const,
        orderItemId: c.orderItemId,
      })),
    );
  } catch (error) {
    if (error instanceof InsufficientStockError) throw await outOfStock(tx, ctx, consumption, error);
    if (isCheckViolation(error)) throw new AppError("OUT_OF_STOCK", "Not enough stock to send these items");
    throw error;
  }
  const availability = await reconcileAvailability(
    tx,
    ctx,
    changes.map((c) => c.ingredientId),
  );
  const lowStock = await lowStockCrossings(tx, ctx.locationId, changes);
  return { eightySixedMenuItemIds: availability.eightySixed.map((i) => i.id), lowStock };
}

/** "Burger cannot be sent: only 120 g of Beef patty left": the dish the server tried and the short ingredient. */
async function outOfStock(
  tx: Tx,
  ctx: Ctx,
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
