import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { toMilli } from "./quantity";
import { portionsCoverable } from "./recipe-math";
import { valueCents } from "./units";
import { assertCan } from "../auth/permissions";

type LineRow = {
  ingredientId: string;
  quantity: { toString(): string };
  ingredient: {
    name: string;
    baseUnit: "G" | "ML" | "EACH";
    purchaseUnitSize: { toString(): string };
    costCentsPerPurchaseUnit: number;
  };
};

function describe(lines: LineRow[], stock: Map<string, number>) {
  const out = lines.map((l) => ({
    ingredientId: l.ingredientId,
    name: l.ingredient.name,
    baseUnit: l.ingredient.baseUnit,
    quantity: l.quantity.toString(),
    costCents: valueCents(
      toMilli(l.quantity),
      toMilli(l.ingredient.purchaseUnitSize),
      l.ingredient.costCentsPerPurchaseUnit,
    ),
  }));
  const portions = portionsCoverable(
    lines.map((l) => ({ ingredientId: l.ingredientId, quantity: toMilli(l.quantity) })),
    stock,
  );
  return {
    lines: out,
    costCents: out.reduce((s, l) => s + l.costCents, 0),
    portionsLeft: Number.isFinite(portions) ? portions : null,
  };
}

/** Every menu item and modifier with its recipe, plate cost, food-cost % and portions stock covers. */
export async function listRecipes(ctx: Ctx) {
  assertCan(ctx, "inventory.manage");
  const lineSelect = {
    select: {
      ingredientId: true,
      quantity: true,
      ingredient: { select: { name: true, baseUnit: true, purchaseUnitSize: true, costCentsPerPurchaseUnit: true } },
    },
    orderBy: { ingredient: { name: "asc" as const } },
  };
  const [items, groups, levels] = await Promise.all([
    db.menuItem.findMany({
      where: { locationId: ctx.locationId, archivedAt: null },
      select: {
        id: true,
        name: true,
        priceCents: true,
        is86d: true,
        eightySixedBy: true,
        category: { select: { name: true, sortOrder: true } },
        recipeLines: lineSelect,
      },
      orderBy: [{ category: { sortOrder: "asc" } }, { sortOrder: "asc" }, { name: "asc" }],
    }),
    db.modifierGroup.findMany({
      where: { locationId: ctx.locationId },
      select: {
        id: true,
        name: true,
        modifiers: {
          select: { id: true, name: true, priceDeltaCents: true, recipeLines: lineSelect },
          orderBy: { sortOrder: "asc" },
        },
      },
      orderBy: { sortOrder: "asc" },
    }),
    db.stockLevel.findMany({ where: { locationId: ctx.locationId }, select: { ingredientId: true, quantity: true } }),
  ]);
  const stock = new Map(levels.map((l) => [l.ingredientId, toMilli(l.quantity)]));
  return {
    items: items.map((i) => {
      const d = describe(i.recipeLines, stock);
      return {
        id: i.id,
        name: i.name,
        category: i.category.name,
        priceCents: i.priceCents,
        is86d: i.is86d,
        eightySixedBy: i.eightySixedBy,
        ...d,
        foodCostPct: i.priceCents > 0 && d.lines.length ? Math.round((d.costCents / i.priceCents) * 1000) / 10 : null,
      };
    }),
    modifiers: groups.flatMap((g) =>
      g.modifiers.map((m) => ({
        id: m.id,
        name: m.name,
        group: g.name,
        priceDeltaCents: m.priceDeltaCents,
        ...describe(m.recipeLines, stock),
      })),
    ),
  };
}
