import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { idSchema } from "../validation";
import { auditAs } from "../audit/record-audit";
import { applyMovements } from "./apply-movements";
import { publishStockEffects } from "./stock-effects";
import { fromMilli, toMilli } from "./quantity";
import { correctionDelta } from "./stock-count-math";
import { lockLevels } from "./stock-ledger";
import { assertCan } from "../auth/permissions";

export const postStockCountSchema = z.object({ id: idSchema });

/**
 * Confirm a count: one COUNT_CORRECTION movement per counted line with a variance, all in one
 * transaction; uncounted lines are left alone. Posting twice is impossible (status guard).
 */
export async function postStockCount(ctx: Ctx, input: z.infer<typeof postStockCountSchema>) {
  assertCan(ctx, "inventory.manage");
  const result = await db.$transaction(async (tx) => {
    const count = await tx.stockCount.findFirst({
      where: { id: input.id, locationId: ctx.locationId },
      include: { lines: true },
    });
    if (!count) throw notFound("Stock count");
    const claimed = await tx.stockCount.updateMany({
      where: { id: count.id, status: "OPEN" },
      data: { status: "POSTED", postedAt: new Date() },
    });
    if (claimed.count === 0) throw new AppError("INVALID_STATE", `This count is already ${count.status.toLowerCase()}`);
    const counted = count.lines.filter((l) => l.countedQty !== null);
    if (!counted.length)
      throw new AppError("VALIDATION", "Enter at least one counted quantity before posting", {
        lines: ["Nothing counted"],
      });
    const current = await lockLevels(
      tx,
      ctx.locationId,
      counted.map((l) => l.ingredientId),
    );
    const movements = counted
      .map((l) => ({
        ingredientId: l.ingredientId,
        delta: correctionDelta({
          expected: toMilli(l.expectedQty),
          counted: toMilli(l.countedQty!),
          current: current.get(l.ingredientId) ?? 0,
        }),
      }))
      .filter((m) => m.delta !== 0)
      .map((m) => ({
        ...m,
        type: "COUNT_CORRECTION" as const,
        stockCountId: count.id,
        reason: count.note || "Stock count",
      }));
    const effects = await applyMovements(tx, ctx, movements);
    await auditAs(
      ctx,
      {
        action: "inventory.count.post",
        entityType: "StockCount",
        entityId: count.id,
        details: {
          counted: counted.length,
          corrections: movements.map((m) => ({ ingredientId: m.ingredientId, delta: fromMilli(m.delta) })),
        },
      },
      tx,
    );
    return { corrections: movements.length, effects };
  });
  await publishStockEffects(ctx, result.effects);
  return { corrections: result.corrections };
}
