import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { applyMovements } from "./apply-movements";
import { toMilli } from "./quantity";
import { NO_STOCK_EFFECTS, type StockEffects } from "./stock-effects";

/**
 * For the orders domain: when fired items are voided *before* the kitchen used the ingredients,
 * put their stock back with SALE_REVERSAL movements (linked to the order items) through the one
 * stock pipeline, which brings back dishes AUTO-86'd for lack of it. Call inside the void
 * transaction; publish the effects after commit. Items already reversed are skipped (no double credit).
 */
export async function reverseStockForVoidedItems(tx: Tx, ctx: Ctx, orderItemIds: string[]): Promise<StockEffects> {
  if (!orderItemIds.length) return NO_STOCK_EFFECTS;
  const moves = await tx.stockMovement.findMany({
    where: { locationId: ctx.locationId, orderItemId: { in: orderItemIds }, type: { in: ["SALE", "SALE_REVERSAL"] } },
    select: { orderItemId: true, ingredientId: true, quantityDelta: true },
  });
  const net = new Map<string, { orderItemId: string; ingredientId: string; qty: number }>();
  for (const m of moves) {
    const key = `${m.orderItemId}|${m.ingredientId}`;
    const cur = net.get(key) ?? { orderItemId: m.orderItemId!, ingredientId: m.ingredientId, qty: 0 };
    cur.qty += toMilli(m.quantityDelta);
    net.set(key, cur);
  }
  const credits = [...net.values()].filter((n) => n.qty < 0);
  if (!credits.length) return NO_STOCK_EFFECTS;
  const { changes: _changes, ...effects } = await applyMovements(
    tx,
    ctx,
    credits.map((c) => ({
      ingredientId: c.ingredientId,
      delta: -c.qty,
      type: "SALE_REVERSAL" as const,
      orderItemId: c.orderItemId,
      reason: "Voided before preparation",
    })),
  );
  return effects;
}
