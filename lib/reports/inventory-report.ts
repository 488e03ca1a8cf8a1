import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { toCsv } from "../csv/stringify";
import { fromMilli, toMilli } from "../inventory/quantity";
import { valueCents } from "../inventory/units";
import { usageIn } from "../inventory/get-usage-report";
import { wasteIn } from "../inventory/get-waste-report";
import { inventoryScope } from "../inventory/report-scope";
import { businessDateOf, type DayRules } from "../time/business-day";
import { isoDate } from "../time/zoned";
import { checkPeriodFields, reportPeriodFields } from "./report-period";

export const INVENTORY_VIEWS = ["turnover", "usage", "waste", "prices"] as const;
export type InventoryView = (typeof INVENTORY_VIEWS)[number];

export const inventoryReportSchema = z
  .object({
    ...reportPeriodFields,
    view: z.enum(INVENTORY_VIEWS, { error: INVENTORY_VIEWS.join(", ") }).optional(),
    /** Prices: the ingredient whose unit cost the chart draws (default: the one that moved most). */
    ingredientId: z.string().trim().min(1).max(64, "Not an ingredient").optional(),
  })
  .superRefine(checkPeriodFields);
export type InventoryReportInput = z.input<typeof inventoryReportSchema>;

type Span = { start: Date; end: Date; days: number };
const USED = ["SALE", "SALE_REVERSAL", "WASTE", "COUNT_CORRECTION"];

/**
 * Per ingredient: stock at the start and end of the span (today's level minus the movements
 * since), what left the shelves in it (sales, waste, count losses), turnover = usage ÷ average
 * stock ((opening + closing) / 2, valued at current cost) and days on hand = closing stock ÷
 * average daily usage. One grouped query over the ledger from the span's start.
 */
async function turnoverIn(locationId: string, span: Span) {
  const rows = await db.$queryRaw<
    { id: string; name: string; baseUnit: string; size: string; cost: number; level: string; after: string; within: string; used: string }[]
  >`
    SELECT i.id, i.name, i."baseUnit"::text AS "baseUnit", i."purchaseUnitSize"::text AS size,
      i."costCentsPerPurchaseUnit" AS cost, COALESCE(l.quantity, 0)::text AS level,
      COALESCE(m.after, 0)::text AS after, COALESCE(m.within, 0)::text AS within, COALESCE(m.used, 0)::text AS used
    FROM "Ingredient" i
    LEFT JOIN "StockLevel" l ON l."ingredientId" = i.id
    -- Per ingredient, an index range on (locationId, ingredientId, createdAt).
    LEFT JOIN LATERAL (
      SELECT COUNT(*) AS n,
        SUM("quantityDelta") FILTER (WHERE "createdAt" >= ${span.end}) AS after,
        SUM("quantityDelta") FILTER (WHERE "createdAt" < ${span.end}) AS within,
        -SUM("quantityDelta") FILTER (WHERE "createdAt" < ${span.end} AND type::text = ANY(${USED})) AS used
      FROM "StockMovement"
      WHERE "locationId" = ${locationId} AND "ingredientId" = i.id AND "createdAt" >= ${span.start}
    ) m ON true
    WHERE i."locationId" = ${locationId} AND (i."archivedAt" IS NULL OR m.n > 0)
    ORDER BY i.name`;
  return rows.map((r) => {
    const size = toMilli(r.size);
    const value = (q: number) => valueCents(q, size, r.cost);
    const closing = toMilli(r.level) - toMilli(r.after);
    const opening = closing - toMilli(r.within);
    const used = toMilli(r.used);
    const averageValueCents = value(Math.round((opening + closing) / 2));
    const usageCents = value(used);
    return {
      id: r.id,
      name: r.name,
      baseUnit: r.baseUnit,
      opening: fromMilli(opening),
      closing: fromMilli(closing),
      used: fromMilli(used),
      usageCents,
      averageValueCents,
      closingValueCents: value(closing),
      /** Times the average stock was used up in the period; null without stock. */
      turnover: averageValueCents > 0 ? usageCents / averageValueCents : null,
      /** Days the closing stock lasts at the period's average daily usage; null without usage. */
      daysOnHand: used > 0 ? Math.round((closing * span.days * 10) / used) / 10 : null,
    };
  });
}

/** Unit costs paid, receipt by receipt, per ingredient and supplier (received purchase order lines). */
async function pricesIn(locationId: string, span: Span, rules: DayRules) {
  const rows = await db.$queryRaw<
    {
      at: Date;
      ingredientId: string;
      ingredient: string;
      purchaseUnit: string;
      size: string;
      supplierId: string;
      supplier: string;
      unitCostCents: number;
      qty: string;
    }[]
  >`
    SELECT m."createdAt" AS at, i.id AS "ingredientId", i.name AS ingredient, i."purchaseUnit",
      i."purchaseUnitSize"::text AS size, s.id AS "supplierId", s.name AS supplier, l."unitCostCents",
      m."quantityDelta"::text AS qty
    FROM "StockMovement" m
    JOIN "PurchaseOrderLine" l ON l.id = m."purchaseOrderLineId"
    JOIN "PurchaseOrder" po ON po.id = l."purchaseOrderId"
    JOIN "Supplier" s ON s.id = po."supplierId"
    JOIN "Ingredient" i ON i.id = m."ingredientId"
    WHERE m."locationId" = ${locationId} AND m.type = 'RECEIPT' AND m."createdAt" >= ${span.start} AND m."createdAt" < ${span.end}
    ORDER BY m."createdAt", i.name, s.name`;
  const receipts = rows.map((r) => {
    const qty = toMilli(r.qty);
    return {
      date: isoDate(businessDateOf(r.at, rules)),
      at: r.at,
      ingredientId: r.ingredientId,
      ingredient: r.ingredient,
      supplierId: r.supplierId,
      supplier: r.supplier,
      purchaseUnit: r.purchaseUnit,
      unitCostCents: r.unitCostCents,
      /** Purchase units received. */
      quantity: fromMilli(Math.round((qty * 1000) / toMilli(r.size))),
      valueCents: valueCents(qty, toMilli(r.size), r.unitCostCents),
    };
  });
  const series = new Map<string, (typeof receipts)[number][]>();
  for (const r of receipts) {
    const key = `${r.ingredientId}|${r.supplierId}`;
    series.set(key, [...(series.get(key) ?? []), r]);
  }
  const summary = [...series.values()]
    .map((rs) => {
      const costs = rs.map((r) => r.unitCostCents);
      const first = costs[0];
      const last = costs[costs.length - 1];
      return {
        ingredientId: rs[0].ingredientId,
        ingredient: rs[0].ingredient,
        supplierId: rs[0].supplierId,
        supplier: rs[0].supplier,
        purchaseUnit: rs[0].purchaseUnit,
        receipts: rs.length,
        firstCents: first,
        lastCents: last,
        minCents: Math.min(...costs),
        maxCents: Math.max(...costs),
        change: first > 0 ? (last - first) / first : null,
        valueCents: rs.reduce((s, r) => s + r.valueCents, 0),
      };
    })
    .sort((a, b) => a.ingredient.localeCompare(b.ingredient) || a.supplier.localeCompare(b.supplier));
  return { receipts, summary };
}

async function headline(locationId: string, span: Span, rules: DayRules) {
  const [usage, waste, prices] = await Promise.all([
    usageIn(locationId, span),
    wasteIn(locationId, span),
    pricesIn(locationId, span, rules),
  ]);
  return {
    theoreticalCents: usage.totals.theoreticalCents,
    actualCents: usage.totals.actualCents,
    varianceCents: usage.totals.varianceCents,
    wasteCents: waste.totalCents,
    purchasesCents: prices.receipts.reduce((s, r) => s + r.valueCents, 0),
  };
}

/**
 * The inventory report of a period (default the last 30 business days): turnover and days on
 * hand per ingredient, theoretical vs actual usage, waste by reason and ingredient, unit costs
 * paid per ingredient and supplier over time; headline figures against the previous period.
 * Values at current ingredient cost, except purchases (at the price paid).
 */
export async function getInventoryReport(ctx: Ctx, raw: unknown, now = new Date()) {
  assertCan(ctx, "reports.money");
  const input = parseInput(inventoryReportSchema, raw);
  const { location, period } = await inventoryScope(ctx, input, now);
  const id = ctx.locationId;
  const [turnover, usage, waste, prices, previous] = await Promise.all([
    turnoverIn(id, period),
    usageIn(id, period),
    wasteIn(id, period),
    pricesIn(id, period, location.rules),
    period.previous ? headline(id, period.previous, location.rules) : null,
  ]);
  const purchases = prices.receipts.reduce((s, r) => s + r.valueCents, 0);
  const moved = [...prices.summary].sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0));
  const chartIngredientId = input.ingredientId ?? moved[0]?.ingredientId ?? null;
  const turnoverRows = turnover.filter((t) => t.used !== "0" || t.closing !== "0" || t.opening !== "0");
  const usageCents = turnoverRows.reduce((s, t) => s + t.usageCents, 0);
  const averageValueCents = turnoverRows.reduce((s, t) => s + t.averageValueCents, 0);
  return {
    period,
    locationName: location.name,
    currency: location.currency,
    view: input.view ?? "turnover",
    totals: {
      theoreticalCents: usage.totals.theoreticalCents,
      actualCents: usage.totals.actualCents,
      varianceCents: usage.totals.varianceCents,
      wasteCents: waste.totalCents,
      purchasesCents: purchases,
    },
    previous,
    turnover: {
      rows: turnoverRows.sort((a, b) => b.usageCents - a.usageCents || a.name.localeCompare(b.name)),
      totals: {
        usageCents,
        averageValueCents,
        closingValueCents: turnoverRows.reduce((s, t) => s + t.closingValueCents, 0),
        turnover: averageValueCents > 0 ? usageCents / averageValueCents : null,
        /** Days the whole closing stock lasts at the period's usage (by value). */
        daysOnHand:
          usageCents > 0
            ? Math.round((turnoverRows.reduce((s, t) => s + t.closingValueCents, 0) * period.days * 10) / usageCents) / 10
            : null,
      },
    },
    usage,
    waste,
    prices: {
      ...prices,
      chartIngredientId,
      ingredients: [...new Map(prices.summary.map((s) => [s.ingredientId, s.ingredient]))].map(([value, name]) => ({
        id: value,
        name,
      })),
    },
    generatedAt: new Date(),
  };
}
export type InventoryReport = Awaited<ReturnType<typeof getInventoryReport>>;

const money = (c: number) => (c / 100).toFixed(2);
const ratio = (r: number | null, digits = 2) => (r === null ? "" : r.toFixed(digits));

/** CSV of the view on screen, with a TOTAL row equal to the figures shown. */
export function inventoryReportCsv(r: InventoryReport): string {
  const c = r.currency;
  if (r.view === "usage") {
    const t = r.usage.totals;
    return toCsv(
      ["ingredient", "base_unit", "from_sales", "waste", "count_losses", "actual", "theoretical_cost", "actual_cost", "variance", "currency"],
      [
        ...r.usage.rows.map((x) => [
          x.name,
          x.baseUnit,
          x.theoretical,
          x.waste,
          x.unexplained,
          x.actual,
          money(x.theoreticalCents),
          money(x.actualCents),
          money(x.varianceCents),
          c,
        ]),
        ["TOTAL", "", "", "", "", "", money(t.theoreticalCents), money(t.actualCents), money(t.varianceCents), c],
      ],
    );
  }
  if (r.view === "waste")
    return toCsv(
      ["reason", "ingredient", "quantity", "base_unit", "entries", "value", "currency"],
      [
        ...r.waste.lines.map((x) => [x.reason, x.ingredient, x.quantity, x.baseUnit, x.entries, money(x.valueCents), c]),
        ["TOTAL", "", "", "", r.waste.lines.reduce((s, x) => s + x.entries, 0), money(r.waste.totalCents), c],
      ],
    );
  if (r.view === "prices")
    return toCsv(
      ["date", "ingredient", "supplier", "purchase_unit", "unit_cost", "quantity", "value", "currency"],
      [
        ...r.prices.receipts.map((x) => [
          x.date,
          x.ingredient,
          x.supplier,
          x.purchaseUnit,
          money(x.unitCostCents),
          x.quantity,
          money(x.valueCents),
          c,
        ]),
        ["TOTAL", "", "", "", "", "", money(r.totals.purchasesCents), c],
      ],
    );
  const t = r.turnover.totals;
  return toCsv(
    ["ingredient", "base_unit", "opening", "closing", "used", "usage_cost", "average_stock_value", "turnover", "days_on_hand", "closing_value", "currency"],
    [
      ...r.turnover.rows.map((x) => [
        x.name,
        x.baseUnit,
        x.opening,
        x.closing,
        x.used,
        money(x.usageCents),
        money(x.averageValueCents),
        ratio(x.turnover),
        ratio(x.daysOnHand, 1),
        money(x.closingValueCents),
        c,
      ]),
      ["TOTAL", "", "", "", "", money(t.usageCents), money(t.averageValueCents), ratio(t.turnover), ratio(t.daysOnHand, 1), money(t.closingValueCents), c],
    ],
  );
}
