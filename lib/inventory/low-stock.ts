import "server-only";
import type { Tx } from "../db";
import { fromMilli, toMilli } from "./quantity";
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
export async function lowStockCrossings(
  tx: Tx,
  locationId: string,
  changes: readonly LevelChange[],
): Promise<LowStockAlert[]> {
  const falling = changes.filter((c) => c.after < c.before);
  if (!falling.length) return [];
  const ingredients = await tx.ingredient.findMany({
    where: { locationId, id: { in: falling.map((c) => c.ingredientId) }, archivedAt: null },
    select: { id: true, name: true, reorderPoint: true, baseUnit: true },
  });
  const byId = new Map(ingredients.map((i) => [i.id, i]));
  const out: LowStockAlert[] = [];
  for (const c of falling) {
    const i = byId.get(c.ingredientId);
    if (!i) continue;
    const rp = toMilli(i.reorderPoint);
    if (crossedReorderPoint(c.before, c.after, rp)) {
      out.push({
        ingredientId: i.id,
        name: i.name,
        onHand: fromMilli(c.after),
        reorderPoint: i.reorderPoint.toString(),
        baseUnit: i.baseUnit,
      });
    }
  }
  return out;
}
