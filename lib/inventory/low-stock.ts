import "server-only";
import { fromMilli } from "./quantity";
import { crossedReorderPoint } from "./reorder";
import type { LevelChange } from "./stock-ledger";

export type LowStockAlert = {
  ingredientId: string;
  name: string;
  onHand: string;
  reorderPoint: string;
  baseUnit: "G" | "ML" | "EACH";
};

/** Ingredients that these changes took from above their reorder point to at/below it (alert once). */
export function lowStockCrossings(changes: readonly LevelChange[]): LowStockAlert[] {
  const out: LowStockAlert[] = [];
  for (const c of changes) {
    const i = c.ingredient;
    if (!i || i.archived || c.after >= c.before) continue;
    if (crossedReorderPoint(c.before, c.after, i.reorderPoint)) {
      out.push({
        ingredientId: c.ingredientId,
        name: i.name,
        onHand: fromMilli(c.after),
        reorderPoint: fromMilli(i.reorderPoint),
        baseUnit: i.baseUnit,
      });
    }
  }
  return out;
}
