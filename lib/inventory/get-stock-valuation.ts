import "server-only";
import type { Ctx } from "../auth/context";
import { assertRole } from "./authorize";
import { listIngredients } from "./list-ingredients";

/** What the stock on hand is worth at current unit costs, largest first. */
export async function getStockValuation(ctx: Ctx) {
  assertRole(ctx);
  const rows = await listIngredients(ctx);
  const items = rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      onHand: r.onHand,
      baseUnit: r.baseUnit,
      valueCents: r.valueCents,
      supplier: r.supplier?.name ?? null,
    }))
    .sort((a, b) => b.valueCents - a.valueCents);
  return { totalCents: items.reduce((s, i) => s + i.valueCents, 0), items };
}
