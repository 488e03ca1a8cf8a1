// Low stock and reorder suggestions. Pure; quantities in milli base units.
import type { Milli } from "./quantity";
import { purchaseUnitsToCover, purchaseToBase, valueCents } from "./units";

export type StockPosition = {
  onHand: Milli;
  parLevel: Milli;
  reorderPoint: Milli;
  purchaseUnitSize: Milli;
  costCentsPerPurchaseUnit: number;
};

/** Low = at or below the reorder point (the dashboard tile uses the same rule). */
export function isLow(p: Pick<StockPosition, "onHand" | "reorderPoint">): boolean {
  return p.onHand <= p.reorderPoint;
}

/** True when a change moved the level from above the reorder point to at/below it: alert once, not on every sale. */
export function crossedReorderPoint(before: Milli, after: Milli, reorderPoint: Milli): boolean {
  return before > reorderPoint && after <= reorderPoint;
}

export type ReorderSuggestion = { purchaseUnits: number; baseQuantity: Milli; costCents: number };

/**
 * What to order for a low ingredient: enough whole purchase units to bring stock up to par
 * (rounded up — a case cannot be split). At least one unit when low, even if par is set at or
 * below the reorder point (a misconfiguration that must not hide a shortage). Null when not low.
 */
export function reorderSuggestion(p: StockPosition): ReorderSuggestion | null {
  if (!isLow(p)) return null;
  const shortfall = Math.max(0, p.parLevel - p.onHand);
  const purchaseUnits = Math.max(1, purchaseUnitsToCover(shortfall, p.purchaseUnitSize));
  return {
    purchaseUnits,
    baseQuantity: purchaseToBase(purchaseUnits * 1000, p.purchaseUnitSize),
    costCents: purchaseUnits * p.costCentsPerPurchaseUnit,
  };
}

/** Unit cost after a receipt as a weighted average (cents per purchase unit): old stock at old cost + received at new cost. */
export function weightedUnitCost(args: {
  onHandBefore: Milli;
  oldCostCents: number;
  receivedBase: Milli;
  newCostCents: number;
  purchaseUnitSize: Milli;
}): number {
  const onHand = Math.max(0, args.onHandBefore);
  const total = onHand + args.receivedBase;
  if (total <= 0) return args.newCostCents;
  const value =
    valueCents(onHand, args.purchaseUnitSize, args.oldCostCents) +
    valueCents(args.receivedBase, args.purchaseUnitSize, args.newCostCents);
  return Math.round((value * args.purchaseUnitSize) / total);
}
