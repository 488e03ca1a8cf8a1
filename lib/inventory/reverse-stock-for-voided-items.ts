import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { toMilli } from "./quantity";
import { postMovements } from "./stock-ledger";
import { reconcileAvailability } from "./reconcile-availability";

/**
 * For the orders domain (optional): when fired items are voided *before* the kitchen used the
 * ingredients, put their stock back with SALE_REVERSAL movements (linked to the order items)
 * and bring back dishes AUTO-86'd for lack of it. Call inside the void transaction; publish the
 * returned ids after commit. Items already reversed are skipped (no double credit).
 */
export async function reverseStockForVoidedItems(
  tx: Tx,
  ctx: Ctx,
  orderItemIds: string[],
): Promise<{ restoredMenuItemIds: string[] }> {
  if (!orderItemIds.length) return { restoredMenuItemIds: [] };
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
  if (!credits.length) return { restoredMenuItemIds: [] };
  const changes = await postMovements(
    tx,
    { locationId: ctx.locationId, userId: ctx.userId },
    credits.map((c) => ({
      ingredientId: c.ingredientId,
      delta: -c.qty,
      type: "SALE_REVERSAL" as const,
      orderItemId: c.orderItemId,
      reason: "Voided before preparation",
    })),
  );
  const fx = await reconcileAvailability(
    tx,
    ctx,
    changes.map((c) => c.ingredientId),
  );
  return { restoredMenuItemIds: fx.restored.map((r) => r.id) };
}
