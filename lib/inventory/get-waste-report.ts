import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../validation";
import { fromMilli, toMilli } from "./quantity";
import { inventoryPeriodSchema, inventoryScope, type InventoryPeriodInput } from "./report-scope";
import { valueCents } from "./units";
import { assertCan } from "../auth/permissions";

/** Top wasted ingredients by value, and waste by reason, over a period (default the last 30 days). */
export async function getWasteReport(ctx: Ctx, raw: InventoryPeriodInput) {
  assertCan(ctx, "inventory.manage");
  const { period } = await inventoryScope(ctx, parseInput(inventoryPeriodSchema, raw));
  return { period, ...(await wasteIn(ctx.locationId, period)) };
}

/**
 * Waste of a span, summed in SQL per ingredient and reason (the reason's code: "SPOILED: fridge
 * left open" counts as SPOILED), valued at current unit cost per ingredient and reason; the 50
 * latest entries. No permission check: for the reports that embed it.
 */
export async function wasteIn(locationId: string, span: { start: Date; end: Date }) {
  const [sums, latest] = await Promise.all([
    db.$queryRaw<
      {
        ingredientId: string;
        reason: string;
        qty: string;
        entries: bigint;
        name: string;
        baseUnit: string;
        size: string;
        cost: number;
      }[]
    >`
      SELECT m."ingredientId", split_part(COALESCE(m.reason, 'OTHER'), ':', 1) AS reason,
        (-SUM(m."quantityDelta"))::text AS qty, COUNT(*)::bigint AS entries,
        i.name, i."baseUnit"::text AS "baseUnit", i."purchaseUnitSize"::text AS size, i."costCentsPerPurchaseUnit" AS cost
      FROM "StockMovement" m JOIN "Ingredient" i ON i.id = m."ingredientId"
      WHERE m."locationId" = ${locationId} AND m.type = 'WASTE' AND m."createdAt" >= ${span.start} AND m."createdAt" < ${span.end}
      GROUP BY 1, 2, i.id`,
    db.stockMovement.findMany({
      where: { locationId, type: "WASTE", createdAt: { gte: span.start, lt: span.end } },
      select: {
        quantityDelta: true,
        reason: true,
        createdAt: true,
        actor: { select: { name: true } },
        ingredient: { select: { name: true, baseUnit: true, purchaseUnitSize: true, costCentsPerPurchaseUnit: true } },
      },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  const byIngredient = new Map<
    string,
    { id: string; name: string; baseUnit: string; quantity: number; valueCents: number; entries: number }
  >();
  const byReason = new Map<string, number>();
  const lines = [];
  for (const s of sums) {
    const qty = toMilli(s.qty);
    const cents = valueCents(qty, toMilli(s.size), s.cost);
    lines.push({
      reason: s.reason,
      ingredient: s.name,
      baseUnit: s.baseUnit,
      quantity: fromMilli(qty),
      entries: Number(s.entries),
      valueCents: cents,
    });
    const row = byIngredient.get(s.ingredientId) ?? {
      id: s.ingredientId,
      name: s.name,
      baseUnit: s.baseUnit,
      quantity: 0,
      valueCents: 0,
      entries: 0,
    };
    row.quantity += qty;
    row.valueCents += cents;
    row.entries += Number(s.entries);
    byIngredient.set(s.ingredientId, row);
    byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + cents);
  }
  const recent = latest.map((m) => {
    const qty = -toMilli(m.quantityDelta);
    return {
      at: m.createdAt.toISOString(),
      ingredient: m.ingredient.name,
      baseUnit: m.ingredient.baseUnit,
      quantity: fromMilli(qty),
      reason: m.reason,
      by: m.actor?.name ?? null,
      valueCents: valueCents(qty, toMilli(m.ingredient.purchaseUnitSize), m.ingredient.costCentsPerPurchaseUnit),
    };
  });
  const top = [...byIngredient.values()]
    .sort((a, b) => b.valueCents - a.valueCents || a.name.localeCompare(b.name))
    .map((r) => ({ ...r, quantity: fromMilli(r.quantity) }));
  return {
    totalCents: top.reduce((s, r) => s + r.valueCents, 0),
    top: top.slice(0, 15),
    /** Every wasted ingredient (the top 15 are `top`). */
    ingredients: top,
    byReason: [...byReason.entries()]
      .map(([reason, valueCents]) => ({ reason, valueCents }))
      .sort((a, b) => b.valueCents - a.valueCents || a.reason.localeCompare(b.reason)),
    recent,
    /** Per reason and ingredient: the sums every other figure adds up. */
    lines: lines.sort(
      (a, b) =>
        a.reason.localeCompare(b.reason) || b.valueCents - a.valueCents || a.ingredient.localeCompare(b.ingredient),
    ),
  };
}
