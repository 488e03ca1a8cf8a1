// Recipe math: what a set of fired items consumes, and how many portions stock can still cover.
// Pure; quantities are milli base units (see quantity.ts).
import type { Milli } from "./quantity";

export type RecipeLineQty = { ingredientId: string; quantity: Milli };

export type FiredItem = { orderItemId: string; menuItemId: string; quantity: number; modifierIds: string[] };

export type Recipes = {
  byMenuItem: ReadonlyMap<string, readonly RecipeLineQty[]>;
  byModifier: ReadonlyMap<string, readonly RecipeLineQty[]>;
  /** Removal modifiers ("no onions"): the ingredients they take out of the dish's own recipe. */
  removes?: ReadonlyMap<string, readonly string[]>;
};

/**
 * Per-portion needs of one item with its chosen modifiers: the dish's recipe minus what removal
 * modifiers take out, plus what the other modifiers add. A removal applies to the dish's own
 * recipe only: an add-on that brings the same ingredient back still counts.
 */
export function portionNeeds(menuItemId: string, modifierIds: readonly string[], recipes: Recipes): Map<string, Milli> {
  const removed = new Set(modifierIds.flatMap((m) => recipes.removes?.get(m) ?? []));
  const needs = new Map<string, Milli>();
  const add = (lines: readonly RecipeLineQty[] | undefined, skip?: ReadonlySet<string>) => {
    for (const l of lines ?? [])
      if (!skip?.has(l.ingredientId)) needs.set(l.ingredientId, (needs.get(l.ingredientId) ?? 0) + l.quantity);
  };
  add(recipes.byMenuItem.get(menuItemId), removed);
  for (const m of modifierIds) add(recipes.byModifier.get(m));
  return needs;
}

export type RecipeLineRow = {
  menuItemId: string | null;
  modifierId: string | null;
  ingredientId: string;
  quantity: Milli;
};
export type ModifierStockRule = { id: string; recipeItemId: string | null; removesIngredientId: string | null };

/**
 * Recipes from stored lines and the chosen modifiers' rules. A modifier without lines of its
 * own that is a portion of a dish (recipeItemId, e.g. a side of fries) consumes that dish's
 * recipe; its own lines, when it has any, win (a side portion can be smaller than the dish).
 */
export function recipesFrom(lines: readonly RecipeLineRow[], modifiers: readonly ModifierStockRule[]): Recipes {
  const byMenuItem = new Map<string, RecipeLineQty[]>();
  const byModifier = new Map<string, RecipeLineQty[]>();
  for (const l of lines) {
    const [map, key] = l.menuItemId ? [byMenuItem, l.menuItemId] : [byModifier, l.modifierId as string];
    map.set(key, [...(map.get(key) ?? []), { ingredientId: l.ingredientId, quantity: l.quantity }]);
  }
  const removes = new Map<string, string[]>();
  for (const m of modifiers) {
    if (m.removesIngredientId) removes.set(m.id, [m.removesIngredientId]);
    if (m.recipeItemId && !byModifier.has(m.id)) {
      const dish = byMenuItem.get(m.recipeItemId);
      if (dish) byModifier.set(m.id, dish);
    }
  }
  return { byMenuItem, byModifier, removes };
}

/** One entry per (order item, ingredient): the consumption the ledger records. */
export type Consumption = { orderItemId: string; menuItemId: string; ingredientId: string; quantity: Milli };

export function consumptionOf(items: readonly FiredItem[], recipes: Recipes): Consumption[] {
  const out: Consumption[] = [];
  for (const item of items) {
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) throw new RangeError(`Bad quantity ${item.quantity}`);
    for (const [ingredientId, perPortion] of portionNeeds(item.menuItemId, item.modifierIds, recipes)) {
      out.push({
        orderItemId: item.orderItemId,
        menuItemId: item.menuItemId,
        ingredientId,
        quantity: perPortion * item.quantity,
      });
    }
  }
  return out;
}

/**
 * Total per ingredient, sorted by ingredient id. The sort is the lock order: every writer that
 * touches several StockLevel rows takes them in this order, so two concurrent sends can never
 * each hold a row the other waits for (no deadlock).
 */
export function totalsByIngredient(
  consumption: readonly { ingredientId: string; quantity: Milli }[],
): [string, Milli][] {
  const totals = new Map<string, Milli>();
  for (const c of consumption) totals.set(c.ingredientId, (totals.get(c.ingredientId) ?? 0) + c.quantity);
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Whole portions the stock covers (Infinity for a recipe with no lines: nothing to run out of). */
export function portionsCoverable(
  needs: ReadonlyMap<string, Milli> | readonly RecipeLineQty[],
  stock: ReadonlyMap<string, Milli>,
): number {
  const lines = Array.isArray(needs)
    ? (needs as RecipeLineQty[])
    : [...(needs as Map<string, Milli>)].map(([ingredientId, quantity]) => ({ ingredientId, quantity }));
  let min = Infinity;
  for (const l of lines) {
    if (l.quantity <= 0) continue;
    const onHand = Math.max(0, stock.get(l.ingredientId) ?? 0);
    min = Math.min(min, Math.floor(onHand / l.quantity));
  }
  return min;
}

/** The auto-86 rule: a dish is 86'd when stock cannot cover one more portion of its recipe. */
export function cannotMakeOne(
  needs: ReadonlyMap<string, Milli> | readonly RecipeLineQty[],
  stock: ReadonlyMap<string, Milli>,
): boolean {
  return portionsCoverable(needs, stock) < 1;
}

/**
 * When a batch cannot be covered: the first item (in the order given) whose cumulative need of
 * some ingredient exceeds what is on hand, so the error names the dish the server just tried.
 */
export function firstShortfall(
  consumption: readonly Consumption[],
  available: ReadonlyMap<string, Milli>,
): { orderItemId: string; menuItemId: string; ingredientId: string; available: Milli; needed: Milli } | null {
  const used = new Map<string, Milli>();
  for (const c of consumption) {
    const total = (used.get(c.ingredientId) ?? 0) + c.quantity;
    used.set(c.ingredientId, total);
    const have = available.get(c.ingredientId) ?? 0;
    if (total > have)
      return {
        orderItemId: c.orderItemId,
        menuItemId: c.menuItemId,
        ingredientId: c.ingredientId,
        available: have,
        needed: total,
      };
  }
  return null;
}
