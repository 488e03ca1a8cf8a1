import "server-only";
import type { Ctx } from "../auth/context";
import { menuChangedMessages } from "../menu/publish-menu-changed";
import { INVENTORY_EVENTS, floorChannel, lowStockEventSchema } from "../realtime/events";
import { publishBuilt, type Message } from "../realtime/publish";
import type { LowStockAlert } from "./low-stock";
import type { AvailabilityChanges } from "./reconcile-availability";
import { metrics } from "../observability/metrics";
import { emitStockLow } from "../webhooks/hint-webhooks";

/** What a stock change means for others: dishes (un)86'd for order pads, ingredients fallen low for the console. */
export type StockEffects = AvailabilityChanges & { lowStock: LowStockAlert[] };

export const NO_STOCK_EFFECTS: StockEffects = Object.freeze({ eightySixed: [], restored: [], lowStock: [] });

/** The realtime messages these effects produce (pure; callers batch them with their own). */
export function stockEffectMessages(locationId: string, effects: StockEffects | null | undefined): Message[] {
  if (!effects) return [];
  const messages = menuChangedMessages(locationId, [
    ...effects.eightySixed.map((i) => i.id),
    ...effects.restored.map((i) => i.id),
  ]);
  if (effects.lowStock.length) {
    messages.push({
      channel: floorChannel(locationId),
      name: INVENTORY_EVENTS.lowStock,
      data: lowStockEventSchema.parse({ items: effects.lowStock.slice(0, 50), at: new Date().toISOString() }),
    });
  }
  return messages;
}

/** After commit: items 86'd because an ingredient ran out count as stock-outs (`stock_outs_total`). */
export function countStockOuts(effects: StockEffects | null | undefined): void {
  if (effects?.eightySixed.length) metrics().stockOuts.inc(effects.eightySixed.length);
}

/**
 * After commit, for stock changes that are not an order's (counts, waste, deliveries, recipes).
 * Never throws: realtime is a hint, clients refetch.
 */
export async function publishStockEffects(
  ctx: Pick<Ctx, "locationId" | "requestId">,
  effects: StockEffects,
): Promise<void> {
  countStockOuts(effects);
  publishBuilt(() => stockEffectMessages(ctx.locationId, effects), ctx);
  await emitStockLow(ctx.locationId, effects.lowStock);
}
