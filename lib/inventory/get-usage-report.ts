import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { parseInput } from "../validation";
import { fromMilli, toMilli } from "./quantity";
import { inventoryPeriodSchema, inventoryScope, type InventoryPeriodInput } from "./report-scope";
import { valueCents } from "./units";
import { assertCan } from "../auth/permissions";

/**
 * Usage over a period per ingredient:
 * - theoretical: what recipes say the sales consumed (SALE − SALE_REVERSAL movements);
 * - waste: logged waste;
 * - unexplained: what counts found missing (negative COUNT_CORRECTIONs; surpluses reduce it);
 * - actual = theoretical + waste + unexplained — what really left the shelves.
 * Values at current unit cost (an approximation: costs move with each receipt).
 */
export async function getUsageReport(ctx: Ctx, raw: InventoryPeriodInput) {
  assertCan(ctx, "inventory.manage");
  const { period } = await inventoryScope(ctx, parseInput(inventoryPeriodSchema, raw));
  return { period, ...(await usageIn(ctx.locationId, period)) };
}

/** The usage rows and totals of a span (no permission check: for the reports that embed it). */
export async function usageIn(locationId: string, span: { start: Date; end: Date }) {
  const [sums, ingredients] = await Promise.all([
    db.stockMovement.groupBy({
      by: ["ingredientId", "type"],
      where: {
        locationId,
        createdAt: { gte: span.start, lt: span.end },
        type: { in: ["SALE", "SALE_REVERSAL", "WASTE", "COUNT_CORRECTION"] },
      },
      _sum: { quantityDelta: true },
    }),
    db.ingredient.findMany({
      where: { locationId },
      select: { id: true, name: true, baseUnit: true, purchaseUnitSize: true, costCentsPerPurchaseUnit: true },
    }),
  ]);
  const acc = new Map<string, { theoretical: number; waste: number; unexplained: number }>();
  for (const s of sums) {
    const a = acc.get(s.ingredientId) ?? { theoretical: 0, waste: 0, unexplained: 0 };
    const used = -toMilli(s._sum.quantityDelta ?? 0);
    if (s.type === "SALE" || s.type === "SALE_REVERSAL") a.theoretical += used;
    else if (s.type === "WASTE") a.waste += used;
    else a.unexplained += used;
    acc.set(s.ingredientId, a);
  }
  const rows = ingredients
    .filter((i) => acc.has(i.id))
    .map((i) => {
      const a = acc.get(i.id)!;
      const actual = a.theoretical + a.waste + a.unexplained;
      const size = toMilli(i.purchaseUnitSize);
      const cents = (q: number) => valueCents(q, size, i.costCentsPerPurchaseUnit);
      return {
        id: i.id,
        name: i.name,
        baseUnit: i.baseUnit,
        theoretical: fromMilli(a.theoretical),
        waste: fromMilli(a.waste),
        unexplained: fromMilli(a.unexplained),
        actual: fromMilli(actual),
        theoreticalCents: cents(a.theoretical),
        actualCents: cents(actual),
        varianceCents: cents(actual - a.theoretical),
        variancePct: a.theoretical > 0 ? Math.round(((actual - a.theoretical) / a.theoretical) * 1000) / 10 : null,
      };
    })
    .sort((a, b) => b.actualCents - a.actualCents);
  return {
    rows,
    totals: {
      theoreticalCents: rows.reduce((s, r) => s + r.theoreticalCents, 0),
      actualCents: rows.reduce((s, r) => s + r.actualCents, 0),
      varianceCents: rows.reduce((s, r) => s + r.varianceCents, 0),
    },
  };
}
