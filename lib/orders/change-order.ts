import "server-only";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Actor, Ctx } from "../auth/context";
import { db, type Tx } from "../db";
import { TX_OPTIONS } from "../idempotency/run-idempotent";
import { countStockOuts, stockEffectMessages, type StockEffects } from "../inventory/stock-effects";
import { messagesFor, publishBuilt, type CommittedChange } from "../realtime/publish";
import { publishGuestMenuChanged } from "../guest/publish-guest";
import { appendOrderEvents, type NewOrderEvent } from "./append-order-events";
import { committedChange } from "./committed-change";
import { lockOrder } from "./lock-order";
import { settleOrder, type Settled } from "./settle-order";
import { emitOrderReady } from "../webhooks/order-webhooks";
import { emitStockLow } from "../webhooks/hint-webhooks";
import { kickWebhookDispatcher } from "../webhooks/webhook-worker";
import { afterOnlineMove } from "../online/after-online-move";
import { onlineFollowOrderInTx } from "../online/online-follow-order";

type Locked = Awaited<ReturnType<typeof lockOrder>>;

/** What a change of an order did, as its mutation reports it. */
export type OrderMutation<R> = {
  result: R;
  /** The events to record; none means nothing changed (no settle, no events, nothing published). */
  events: NewOrderEvent[];
  /** An explicit status (closing, voiding); otherwise the items decide. */
  status?: OrderStatus;
  /** Stock the change used or returned: order pads refetch (un)86'd dishes after commit. */
  stock?: StockEffects;
  /**
   * Work that must follow the settle (locks are taken order → table → stock → counter, ADR 0006):
   * stock moves of fired or voided lines. Its effects are published with the change.
   */
  afterSettle?: (settled: Settled) => Promise<StockEffects | undefined>;
  /** The change touched checks, discounts or payments: recompute the checks even if the order looked plain. */
  checks?: boolean;
};

/**
 * The last step inside an order's transaction, after the settle: append the events (seq) and
 * describe the change for the channels. Idempotent sends and fires own their transaction and call
 * it themselves; everything else goes through changeOrder.
 */
export async function recordOrderEvents(
  tx: Tx,
  ctx: Pick<Actor, "locationId" | "userId">,
  settled: Settled,
  events: NewOrderEvent[],
): Promise<CommittedChange> {
  const stored = await appendOrderEvents(tx, ctx, events);
  return committedChange(ctx.locationId, settled, stored);
}

/**
 * After commit, never before: the kitchen and floor events, then the stock hints for order pads,
 * queued together so they leave in one batch. Never throws: realtime is a hint, clients resync.
 */
export function publishOrderChange(
  ctx: Pick<Ctx, "locationId" | "requestId">,
  change: CommittedChange | null,
  stock?: StockEffects | null,
): void {
  publishBuilt(() => [...(change ? messagesFor(change) : []), ...stockEffectMessages(ctx.locationId, stock)], ctx);
  countStockOuts(stock);
  if (stock?.lowStock.length) void emitStockLow(ctx.locationId, stock.lowStock);
  // Stock ran out (or came back): guests' phones drop or show those dishes too.
  if (stock && (stock.eightySixed.length || stock.restored.length)) void publishGuestMenuChanged(ctx);
}

/**
 * The one door for changing an order: lock it (the id, or a lookup that finds it inside the
 * transaction), let `mutate` change its rows, settle it and record its events in the same
 * transaction, and publish only after commit.
 */
export async function changeOrder<R>(
  ctx: Ctx,
  target: string | ((tx: Tx) => Promise<string>),
  mutate: (tx: Tx, order: Locked) => Promise<OrderMutation<R>>,
  opts: { open?: boolean } = {},
): Promise<{ result: R; change: CommittedChange | null; settled: Settled | null }> {
  const done = await db.$transaction(async (tx) => {
    const orderId = typeof target === "string" ? target : await target(tx);
    const order = await lockOrder(tx, ctx, orderId, opts);
    const mutation = await mutate(tx, order);
    if (mutation.events.length === 0)
      return { mutation, finished: null, stock: mutation.stock, webhooks: 0, online: null };
    const settled = await settleOrder(tx, order, mutation.status, { checks: mutation.checks });
    const stock = (await mutation.afterSettle?.(settled)) ?? mutation.stock;
    const webhooks = await emitOrderReady(tx, order, settled);
    // An online order follows its order: READY at the pass, CANCELLED when voided (ADR 0046).
    const online = await onlineFollowOrderInTx(tx, order, settled);
    return {
      mutation,
      stock,
      webhooks,
      online,
      finished: { settled, change: await recordOrderEvents(tx, ctx, settled, mutation.events) },
    };
  }, TX_OPTIONS);
  publishOrderChange(ctx, done.finished?.change ?? null, done.stock);
  if (done.webhooks > 0) kickWebhookDispatcher();
  if (done.online) await afterOnlineMove([done.online]);
  return {
    result: done.mutation.result,
    change: done.finished?.change ?? null,
    settled: done.finished?.settled ?? null,
  };
}
