// Menu engineering (Kasavana & Smith): each dish by popularity (its share of the portions sold)
// and profitability (its contribution margin per portion), against two thresholds:
// - popular when its mix share is at least 70 % of the fair share 1/n (n = dishes analysed);
// - profitable when its margin per portion is at least the quantity-weighted average margin.
// Star = popular and profitable, Plowhorse = popular only, Puzzle = profitable only, Dog = neither.
// Pure: the report passes the sales and costs. Dishes whose food cost is unknown (no recipe) or
// that sold nothing are left out of the analysis: they would skew both thresholds.
import type { Milli } from "../inventory/quantity";
import { portionNeeds, type Recipes } from "../inventory/recipe-math";

export const POPULARITY_FACTOR = 0.7;

export const MENU_CLASSES = ["STAR", "PLOWHORSE", "PUZZLE", "DOG"] as const;
export type MenuClass = (typeof MENU_CLASSES)[number];

export const MENU_CLASS_LABEL: Record<MenuClass, string> = {
  STAR: "Star",
  PLOWHORSE: "Plowhorse",
  PUZZLE: "Puzzle",
  DOG: "Dog",
};

export const MENU_CLASS_ADVICE: Record<MenuClass, string> = {
  STAR: "Keep: popular and profitable.",
  PLOWHORSE: "Popular but earns little: raise the price or cut its cost.",
  PUZZLE: "Earns well but few order it: feature it, rename it, move it up the menu.",
  DOG: "Neither: rework or remove it.",
};

export function menuClass(popular: boolean, profitable: boolean): MenuClass {
  if (popular) return profitable ? "STAR" : "PLOWHORSE";
  return profitable ? "PUZZLE" : "DOG";
}

export type MixEntry = {
  id: string;
  /** Portions sold. */
  quantity: number;
  /** Contribution margin per portion (selling price − food cost), cents; null = cost unknown. */
  marginPerUnitCents: number | null;
};

export type MixAnalysis = {
  /** Dishes analysed (sold, with a known cost). */
  analysed: number;
  /** Popularity threshold as a share of the portions (0.7 / n), 0 when nothing was analysed. */
  popularityThreshold: number;
  /** Quantity-weighted average margin per portion, cents (unrounded). */
  marginThresholdCents: number;
  /** Per analysed dish: its mix share and class. */
  classes: Map<string, { mixShare: number; menuClass: MenuClass }>;
};

/** The matrix over `entries`; entries with an unknown margin or nothing sold are not classified. */
export function analyseMix(entries: readonly MixEntry[], factor = POPULARITY_FACTOR): MixAnalysis {
  const rows = entries.filter(
    (e): e is MixEntry & { marginPerUnitCents: number } => e.marginPerUnitCents !== null && e.quantity > 0,
  );
  const portions = rows.reduce((s, e) => s + e.quantity, 0);
  const classes = new Map<string, { mixShare: number; menuClass: MenuClass }>();
  if (!rows.length || portions === 0)
    return { analysed: 0, popularityThreshold: 0, marginThresholdCents: 0, classes };
  const popularityThreshold = factor / rows.length;
  const marginThresholdCents = rows.reduce((s, e) => s + e.marginPerUnitCents * e.quantity, 0) / portions;
  for (const e of rows) {
    const mixShare = e.quantity / portions;
    // A hair of tolerance: a share computed as 0.7/n exactly is popular, not lost to float noise.
    const popular = mixShare >= popularityThreshold - 1e-12;
    const profitable = e.marginPerUnitCents >= marginThresholdCents - 1e-9;
    classes.set(e.id, { mixShare, menuClass: menuClass(popular, profitable) });
  }
  return { analysed: rows.length, popularityThreshold, marginThresholdCents, classes };
}

/** Cost of one ingredient at current prices: cents per base unit is cost ÷ purchase unit size. */
export type IngredientCost = { purchaseUnitSize: Milli; costCentsPerPurchaseUnit: number };

/** Cents (unrounded) of a set of needs (milli base units) at current ingredient costs. */
export function needsCostCents(needs: ReadonlyMap<string, Milli>, costs: ReadonlyMap<string, IngredientCost>): number {
  let cents = 0;
  for (const [ingredientId, qty] of needs) {
    const c = costs.get(ingredientId);
    if (c && c.purchaseUnitSize > 0) cents += (qty * c.costCentsPerPurchaseUnit) / c.purchaseUnitSize;
  }
  return cents;
}

/**
 * Food cost (cents, unrounded) of the portions of one dish sold: the dish's own recipe for every
 * portion, plus for each chosen modifier what it changes (an add-on's recipe, minus what a
 * removal takes out), all through recipe-math's `portionNeeds`. Null when the dish has no recipe.
 */
export function soldFoodCostCents(
  menuItemId: string,
  quantity: number,
  modifierPortions: readonly { modifierId: string; quantity: number }[],
  recipes: Recipes,
  costs: ReadonlyMap<string, IngredientCost>,
): number | null {
  if (!recipes.byMenuItem.get(menuItemId)?.length) return null;
  const base = needsCostCents(portionNeeds(menuItemId, [], recipes), costs);
  let cents = base * quantity;
  for (const m of modifierPortions) {
    const withModifier = needsCostCents(portionNeeds(menuItemId, [m.modifierId], recipes), costs);
    cents += (withModifier - base) * m.quantity;
  }
  return cents;
}
