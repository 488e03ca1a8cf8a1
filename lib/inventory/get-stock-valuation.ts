import "server-only";
import type { Ctx } from "../auth/context";
import { listIngredients } from "./list-ingredients";
import { assertCan } from "../auth/permissions";

/** What the stock on hand is worth at current unit costs, largest first. */
export async function getStockValuation(ctx: Ctx) {
  assertCan(ctx, "inventory.manage");
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
