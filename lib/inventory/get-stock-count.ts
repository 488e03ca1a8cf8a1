import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";
import { fromMilli, toMilli } from "./quantity";
import { variance } from "./stock-count-math";
import { valueCents } from "./units";
import { assertCan } from "../auth/permissions";

export async function getStockCount(ctx: Ctx, id: string) {
  assertCan(ctx, "inventory.manage");
  const count = await db.stockCount.findFirst({
    where: { id, locationId: ctx.locationId },
    include: {
      createdBy: { select: { name: true } },
      lines: {
        include: {
          ingredient: {
            select: { name: true, baseUnit: true, purchaseUnitSize: true, costCentsPerPurchaseUnit: true },
          },
        },
        orderBy: { ingredient: { name: "asc" } },
      },
    },
  });
  if (!count) throw notFound("Stock count");
  const lines = count.lines.map((l) => {
    const expected = toMilli(l.expectedQty);
    const v = l.countedQty === null ? null : variance(expected, toMilli(l.countedQty));
    return {
      ingredientId: l.ingredientId,
      name: l.ingredient.name,
      baseUnit: l.ingredient.baseUnit,
      expected: fromMilli(expected),
      counted: l.countedQty?.toString() ?? null,
      variance: v === null ? null : fromMilli(v),
      varianceCents:
        v === null
          ? null
          : valueCents(v, toMilli(l.ingredient.purchaseUnitSize), l.ingredient.costCentsPerPurchaseUnit),
    };
  });
  return {
    id: count.id,
    status: count.status,
    note: count.note,
    createdBy: count.createdBy?.name ?? null,
    createdAt: count.createdAt.toISOString(),
    postedAt: count.postedAt?.toISOString() ?? null,
    lines,
    countedLines: lines.filter((l) => l.counted !== null).length,
    varianceCents: lines.reduce((s, l) => s + (l.varianceCents ?? 0), 0),
  };
}
