import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { idSchema } from "../validation";
import { fromMilli, toMilli, type Milli } from "./quantity";
import { cannotMakeOne } from "./recipe-math";
import { correctionDelta, isLargeVariance, variance } from "./stock-count-math";
import { assertCan } from "../auth/permissions";

export const previewStockCountSchema = z.object({ id: idSchema });

/**
 * What posting the saved count would do, without writing: the large variances (see
 * isLargeVariance) and the dishes the corrections would 86 or bring back, worked out with the
 * same rules postStockCount and reconcileAvailability apply. The console shows it for review.
 */
export async function previewStockCount(ctx: Ctx, input: z.infer<typeof previewStockCountSchema>) {
  assertCan(ctx, "inventory.manage");
  const count = await db.stockCount.findFirst({
    where: { id: input.id, locationId: ctx.locationId },
    include: {
      lines: {
        where: { countedQty: { not: null } },
        include: { ingredient: { select: { name: true, baseUnit: true } } },
        orderBy: { ingredient: { name: "asc" } },
      },
    },
  });
  if (!count) throw notFound("Stock count");
  if (count.status !== "OPEN") throw new AppError("INVALID_STATE", `This count is ${count.status.toLowerCase()}`);
  const ids = count.lines.map((l) => l.ingredientId);
  const levels = await db.stockLevel.findMany({
    where: { locationId: ctx.locationId, ingredientId: { in: ids } },
    select: { ingredientId: true, quantity: true },
  });
  const current = new Map<string, Milli>(levels.map((l) => [l.ingredientId, toMilli(l.quantity)]));

  const lines = count.lines.map((l) => {
    const expected = toMilli(l.expectedQty);
    const counted = toMilli(l.countedQty!);
    const now = current.get(l.ingredientId) ?? 0;
    const delta = correctionDelta({ expected, counted, current: now });
    return {
      ingredientId: l.ingredientId,
      name: l.ingredient.name,
      baseUnit: l.ingredient.baseUnit,
      expected,
      counted,
      delta,
      after: now + delta,
    };
  });
  const changed = lines.filter((l) => l.delta !== 0);

  const items = changed.length
    ? await db.menuItem.findMany({
        where: {
          locationId: ctx.locationId,
          archivedAt: null,
          recipeLines: { some: { ingredientId: { in: changed.map((l) => l.ingredientId) } } },
          OR: [{ is86d: false }, { is86d: true, eightySixedBy: "AUTO" }],
        },
        select: { id: true, name: true, is86d: true, recipeLines: { select: { ingredientId: true, quantity: true } } },
        orderBy: { name: "asc" },
      })
    : [];
  const others = [...new Set(items.flatMap((i) => i.recipeLines.map((l) => l.ingredientId)))].filter(
    (id) => !current.has(id),
  );
  const otherLevels = others.length
    ? await db.stockLevel.findMany({
        where: { locationId: ctx.locationId, ingredientId: { in: others } },
        select: { ingredientId: true, quantity: true },
      })
    : [];
  const after = new Map<string, Milli>([
    ...otherLevels.map((l) => [l.ingredientId, toMilli(l.quantity)] as const),
    ...current,
  ]);
  for (const l of lines) after.set(l.ingredientId, l.after);

  const eightySixed: { id: string; name: string }[] = [];
  const restored: { id: string; name: string }[] = [];
  for (const item of items) {
    const out = cannotMakeOne(
      item.recipeLines.map((r) => ({ ingredientId: r.ingredientId, quantity: toMilli(r.quantity) })),
      after,
    );
    if (!item.is86d && out) eightySixed.push({ id: item.id, name: item.name });
    else if (item.is86d && !out) restored.push({ id: item.id, name: item.name });
  }

  const show = (l: (typeof lines)[number]) => ({
    ingredientId: l.ingredientId,
    name: l.name,
    baseUnit: l.baseUnit,
    expected: fromMilli(l.expected),
    counted: fromMilli(l.counted),
    variance: fromMilli(variance(l.expected, l.counted)),
    correction: fromMilli(l.delta),
  });
  return {
    id: count.id,
    counted: lines.length,
    corrections: changed.length,
    largeVariances: lines.filter((l) => isLargeVariance(l.expected, l.counted)).map(show),
    eightySixed,
    restored,
  };
}

export type StockCountPreview = Awaited<ReturnType<typeof previewStockCount>>;
