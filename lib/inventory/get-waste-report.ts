import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../validation";
import { fromMilli, toMilli } from "./quantity";
import { reportPeriodSchema, reportRange, type ReportPeriodInput } from "./report-period";
import { getLocation } from "../locations/get-location";
import { valueCents } from "./units";
import { assertCan } from "../auth/permissions";

/** Top wasted ingredients by value, and waste by reason, over a period. */
export async function getWasteReport(ctx: Ctx, raw: ReportPeriodInput) {
  assertCan(ctx, "inventory.manage");
  const { timezone } = await getLocation(ctx);
  const period = reportRange(parseInput(reportPeriodSchema, raw), timezone);
  const movements = await db.stockMovement.findMany({
    where: { locationId: ctx.locationId, type: "WASTE", createdAt: { gte: period.from, lt: period.toExclusive } },
    select: {
      ingredientId: true,
      quantityDelta: true,
      reason: true,
      createdAt: true,
      actor: { select: { name: true } },
      ingredient: { select: { name: true, baseUnit: true, purchaseUnitSize: true, costCentsPerPurchaseUnit: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  const byIngredient = new Map<
    string,
    { id: string; name: string; baseUnit: string; quantity: number; valueCents: number; entries: number }
  >();
  const byReason = new Map<string, number>();
  const recent = [];
  for (const m of movements) {
    const qty = -toMilli(m.quantityDelta);
    const cents = valueCents(qty, toMilli(m.ingredient.purchaseUnitSize), m.ingredient.costCentsPerPurchaseUnit);
    const row = byIngredient.get(m.ingredientId) ?? {
      id: m.ingredientId,
      name: m.ingredient.name,
      baseUnit: m.ingredient.baseUnit,
      quantity: 0,
      valueCents: 0,
      entries: 0,
    };
    row.quantity += qty;
    row.valueCents += cents;
    row.entries += 1;
    byIngredient.set(m.ingredientId, row);
    const reason = (m.reason ?? "OTHER").split(":")[0];
    byReason.set(reason, (byReason.get(reason) ?? 0) + cents);
    if (recent.length < 50)
      recent.push({
        at: m.createdAt.toISOString(),
        ingredient: m.ingredient.name,
        baseUnit: m.ingredient.baseUnit,
        quantity: fromMilli(qty),
        reason: m.reason,
        by: m.actor?.name ?? null,
        valueCents: cents,
      });
  }
  const top = [...byIngredient.values()]
    .sort((a, b) => b.valueCents - a.valueCents)
    .map((r) => ({ ...r, quantity: fromMilli(r.quantity) }));
  return {
    period: period.label,
    totalCents: top.reduce((s, r) => s + r.valueCents, 0),
    top: top.slice(0, 15),
    byReason: [...byReason.entries()]
      .map(([reason, valueCents]) => ({ reason, valueCents }))
      .sort((a, b) => b.valueCents - a.valueCents),
    recent,
  };
}
