import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { toCsv } from "../csv/stringify";
import { toMilli } from "../inventory/quantity";
import { recipesFrom, type Recipes } from "../inventory/recipe-math";
import { reportScope } from "./report-context";
import { checkPeriodFields, reportPeriodFields, type DateSpan } from "./report-period";
import {
  analyseMix,
  MENU_CLASS_LABEL,
  soldFoodCostCents,
  type IngredientCost,
  type MenuClass,
} from "./menu-engineering";

export const productMixSchema = z
  .object({
    ...reportPeriodFields,
    groupBy: z.enum(["item", "category"], { error: "item or category" }).optional(),
    /** The matrix within one menu category (the classic analysis); default the whole menu. */
    categoryId: z.string().trim().min(1).max(64, "Not a category").optional(),
  })
  .superRefine(checkPeriodFields);
export type ProductMixInput = z.input<typeof productMixSchema>;

type Span = Pick<DateSpan, "start" | "end">;
type Costing = {
  recipes: Recipes;
  costs: Map<string, IngredientCost>;
  items: Map<string, { name: string; categoryId: string }>;
};

/**
 * Portions and revenue per dish from fired lines: a line counts when the kitchen got it (firedAt
 * in the period) and it was not voided, at its menu price plus modifiers × quantity — before
 * discounts and comps, and whether or not the check is paid yet. Modifier portions per dish too.
 */
async function soldLines(locationId: string, span: Span, categoryId: string | undefined) {
  const inCategory = categoryId
    ? Prisma.sql`AND oi."menuItemId" IN (SELECT id FROM "MenuItem" WHERE "locationId" = ${locationId} AND "categoryId" = ${categoryId})`
    : Prisma.empty;
  const where = Prisma.sql`oi."locationId" = ${locationId} AND oi."firedAt" >= ${span.start} AND oi."firedAt" < ${span.end}
    AND oi.status <> 'VOIDED' ${inCategory}`;
  const [items, modifiers] = await Promise.all([
    db.$queryRaw<{ menuItemId: string; qty: bigint; lines: bigint; revenue: bigint }[]>`
      SELECT oi."menuItemId", SUM(oi.quantity)::bigint AS qty, COUNT(*)::bigint AS lines,
        SUM((oi."unitPriceCents" + oi."modifiersCents") * oi.quantity)::bigint AS revenue
      FROM "OrderItem" oi WHERE ${where}
      GROUP BY oi."menuItemId"`,
    db.$queryRaw<{ menuItemId: string; modifierId: string; qty: bigint }[]>`
      SELECT oi."menuItemId", m."modifierId", SUM(oi.quantity)::bigint AS qty
      FROM "OrderItem" oi JOIN "OrderItemModifier" m ON m."orderItemId" = oi.id
      WHERE ${where}
      GROUP BY oi."menuItemId", m."modifierId"`,
  ]);
  return {
    items: items.map((r) => ({
      menuItemId: r.menuItemId,
      quantity: Number(r.qty),
      lines: Number(r.lines),
      revenueCents: Number(r.revenue),
    })),
    modifiers: modifiers.map((r) => ({ menuItemId: r.menuItemId, modifierId: r.modifierId, quantity: Number(r.qty) })),
  };
}

type Sold = Awaited<ReturnType<typeof soldLines>>;

/** Each dish's figures with its food cost at today's ingredient costs (null without a recipe). */
function costed(sold: Sold, c: Costing) {
  const mods = new Map<string, { modifierId: string; quantity: number }[]>();
  for (const m of sold.modifiers) mods.set(m.menuItemId, [...(mods.get(m.menuItemId) ?? []), m]);
  return sold.items.map((s) => {
    const cost = soldFoodCostCents(s.menuItemId, s.quantity, mods.get(s.menuItemId) ?? [], c.recipes, c.costs);
    const foodCostCents = cost === null ? null : Math.round(cost);
    return { ...s, foodCostCents, marginCents: foodCostCents === null ? null : s.revenueCents - foodCostCents };
  });
}

function totalsOf(rows: ReturnType<typeof costed>) {
  const quantity = rows.reduce((s, r) => s + r.quantity, 0);
  const revenueCents = rows.reduce((s, r) => s + r.revenueCents, 0);
  const known = rows.filter((r) => r.foodCostCents !== null);
  const costedRevenueCents = known.reduce((s, r) => s + r.revenueCents, 0);
  const foodCostCents = known.reduce((s, r) => s + (r.foodCostCents ?? 0), 0);
  return {
    quantity,
    revenueCents,
    /** Food cost and margin of the dishes with a recipe; their revenue is `costedRevenueCents`. */
    costedRevenueCents,
    foodCostCents,
    marginCents: costedRevenueCents - foodCostCents,
    foodCostPct: costedRevenueCents > 0 ? foodCostCents / costedRevenueCents : null,
    uncostedRevenueCents: revenueCents - costedRevenueCents,
  };
}

async function loadCosting(locationId: string): Promise<Costing> {
  const [items, lines, modifiers, ingredients] = await Promise.all([
    db.menuItem.findMany({ where: { locationId }, select: { id: true, name: true, categoryId: true } }),
    db.recipeLine.findMany({
      where: { locationId },
      select: { menuItemId: true, modifierId: true, ingredientId: true, quantity: true },
    }),
    db.modifier.findMany({
      where: { group: { locationId } },
      select: { id: true, recipeItemId: true, removesIngredientId: true },
    }),
    db.ingredient.findMany({
      where: { locationId },
      select: { id: true, purchaseUnitSize: true, costCentsPerPurchaseUnit: true },
    }),
  ]);
  return {
    recipes: recipesFrom(
      lines.map((l) => ({ ...l, quantity: toMilli(l.quantity) })),
      modifiers,
    ),
    costs: new Map(
      ingredients.map((i) => [
        i.id,
        { purchaseUnitSize: toMilli(i.purchaseUnitSize), costCentsPerPurchaseUnit: i.costCentsPerPurchaseUnit },
      ]),
    ),
    items: new Map(items.map((i) => [i.id, { name: i.name, categoryId: i.categoryId }])),
  };
}

function modifierGroups(locationId: string) {
  return db.modifierGroup.findMany({
    where: { locationId },
    select: {
      id: true,
      name: true,
      items: { select: { menuItemId: true } },
      modifiers: { select: { id: true, name: true }, orderBy: { sortOrder: "asc" } },
    },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
}

/** Per modifier: portions it was chosen on ÷ portions of the dishes that offer its group. */
function attachRates(groups: Awaited<ReturnType<typeof modifierGroups>>, sold: Sold) {
  const portions = new Map(sold.items.map((s) => [s.menuItemId, s.quantity]));
  const chosen = new Map<string, number>();
  for (const m of sold.modifiers) chosen.set(m.modifierId, (chosen.get(m.modifierId) ?? 0) + m.quantity);
  return groups.flatMap((g) => {
    const offered = g.items.reduce((s, i) => s + (portions.get(i.menuItemId) ?? 0), 0);
    if (offered === 0) return [];
    return g.modifiers.map((m) => {
      const times = chosen.get(m.id) ?? 0;
      return { modifierId: m.id, name: m.name, group: g.name, chosen: times, offered, attachRate: times / offered };
    });
  });
}

/**
 * Product mix and menu engineering over a period: per dish and per category the portions,
 * revenue, food cost (recipes at current ingredient costs), margin and food cost %; the
 * Kasavana–Smith matrix; modifier attach rates; the headline figures of the previous period.
 */
export async function getProductMix(ctx: Ctx, raw: unknown, now = new Date()) {
  assertCan(ctx, "reports.money");
  const input = parseInput(productMixSchema, raw);
  const { location, period } = await reportScope(ctx, input, now);
  const categories = await db.menuCategory.findMany({
    where: { locationId: ctx.locationId },
    select: { id: true, name: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  const category = input.categoryId ? categories.find((c) => c.id === input.categoryId) : undefined;
  if (input.categoryId && !category) throw notFound("Category");
  const [costing, groups, sold, previousSold] = await Promise.all([
    loadCosting(ctx.locationId),
    modifierGroups(ctx.locationId),
    soldLines(ctx.locationId, period, input.categoryId),
    period.previous ? soldLines(ctx.locationId, period.previous, input.categoryId) : null,
  ]);
  const rows = costed(sold, costing);
  const analysis = analyseMix(
    rows.map((r) => ({
      id: r.menuItemId,
      quantity: r.quantity,
      marginPerUnitCents: r.marginCents === null ? null : r.marginCents / r.quantity,
    })),
  );
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const totals = totalsOf(rows);
  const items = rows
    .map((r) => {
      const item = costing.items.get(r.menuItemId);
      const cls = analysis.classes.get(r.menuItemId);
      return {
        menuItemId: r.menuItemId,
        name: item?.name ?? "Unknown dish",
        categoryId: item?.categoryId ?? null,
        category: (item && categoryName.get(item.categoryId)) ?? "—",
        quantity: r.quantity,
        revenueCents: r.revenueCents,
        averagePriceCents: Math.round(r.revenueCents / r.quantity),
        foodCostCents: r.foodCostCents,
        foodCostPerUnitCents: r.foodCostCents === null ? null : Math.round(r.foodCostCents / r.quantity),
        marginCents: r.marginCents,
        marginPerUnitCents: r.marginCents === null ? null : Math.round(r.marginCents / r.quantity),
        foodCostPct: r.foodCostCents === null || r.revenueCents === 0 ? null : r.foodCostCents / r.revenueCents,
        /** Share of all portions sold in the scope (every dish, costed or not). */
        mixPct: totals.quantity ? r.quantity / totals.quantity : 0,
        /** Share among the dishes analysed in the matrix (null when left out). */
        matrixShare: cls?.mixShare ?? null,
        menuClass: (cls?.menuClass ?? null) as MenuClass | null,
      };
    })
    .sort((a, b) => b.revenueCents - a.revenueCents || a.name.localeCompare(b.name));
  const byCategory = new Map<string, typeof rows>();
  for (const r of rows) {
    const id = costing.items.get(r.menuItemId)?.categoryId ?? "";
    byCategory.set(id, [...(byCategory.get(id) ?? []), r]);
  }
  const categoryRows = [...byCategory]
    .map(([id, rs]) => ({
      categoryId: id,
      name: categoryName.get(id) ?? "—",
      dishes: rs.length,
      uncostedDishes: rs.filter((r) => r.foodCostCents === null).length,
      ...totalsOf(rs),
    }))
    .sort((a, b) => b.revenueCents - a.revenueCents || a.name.localeCompare(b.name));
  return {
    period,
    locationName: location.name,
    currency: location.currency,
    groupBy: input.groupBy ?? "item",
    category: category ?? null,
    categories,
    totals,
    previous: previousSold ? totalsOf(costed(previousSold, costing)) : null,
    matrix: {
      analysed: analysis.analysed,
      popularityThreshold: analysis.popularityThreshold,
      marginThresholdCents: Math.round(analysis.marginThresholdCents),
      leftOut: items.filter((i) => i.menuClass === null).map((i) => i.name),
    },
    items,
    categoryRows,
    modifiers: attachRates(groups, sold),
    generatedAt: new Date(),
  };
}
export type ProductMixReport = Awaited<ReturnType<typeof getProductMix>>;

const money = (c: number | null) => (c === null ? "" : (c / 100).toFixed(2));
const pct = (r: number | null) => (r === null ? "" : (r * 100).toFixed(1));

/** CSV of the table on screen (dishes or categories) with a TOTAL row equal to the headline figures. */
export function productMixCsv(r: ProductMixReport): string {
  const t = r.totals;
  if (r.groupBy === "category") {
    return toCsv(
      ["category", "dishes", "quantity", "revenue", "food_cost", "margin", "food_cost_pct", "uncosted_revenue", "currency"],
      [
        ...r.categoryRows.map((c) => [
          c.name,
          c.dishes,
          c.quantity,
          money(c.revenueCents),
          money(c.foodCostCents),
          money(c.marginCents),
          pct(c.foodCostPct),
          money(c.uncostedRevenueCents),
          r.currency,
        ]),
        ["TOTAL", r.items.length, t.quantity, money(t.revenueCents), money(t.foodCostCents), money(t.marginCents), pct(t.foodCostPct), money(t.uncostedRevenueCents), r.currency],
      ],
    );
  }
  return toCsv(
    [
      "item",
      "category",
      "quantity",
      "revenue",
      "food_cost_per_unit",
      "food_cost",
      "margin_per_unit",
      "margin",
      "food_cost_pct",
      "mix_pct",
      "class",
      "currency",
    ],
    [
      ...r.items.map((i) => [
        i.name,
        i.category,
        i.quantity,
        money(i.revenueCents),
        money(i.foodCostPerUnitCents),
        money(i.foodCostCents),
        money(i.marginPerUnitCents),
        money(i.marginCents),
        pct(i.foodCostPct),
        pct(i.mixPct),
        i.menuClass ? MENU_CLASS_LABEL[i.menuClass] : "No recipe",
        r.currency,
      ]),
      ["TOTAL", "", t.quantity, money(t.revenueCents), "", money(t.foodCostCents), "", money(t.marginCents), pct(t.foodCostPct), "100.0", "", r.currency],
    ],
  );
}
