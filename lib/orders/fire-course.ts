import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { type CommittedChange } from "../realtime/publish";
import { runIdempotent, TX_OPTIONS } from "../idempotency/run-idempotent";

import { COURSE_LABEL } from "../menu/courses";
import { deductStock, fireItems } from "./fire-items";
import type { StockEffects } from "../inventory/stock-effects";

import { lockOrder } from "./lock-order";
import { fireCourseSchema, type FireCourseInput } from "./schemas";
import { settleOrder, type Settled } from "./settle-order";
import type { NewOrderEvent } from "./append-order-events";
import { assertCan } from "../auth/permissions";
import { publishOrderChange, recordOrderEvents } from "./change-order";
import { kickPrintQueue } from "../printing/print-worker";

/** "Fire mains": send a held course to the kitchen as a new ticket. Idempotent when given a key. */
export async function fireCourse(ctx: Ctx, raw: FireCourseInput) {
  assertCan(ctx, "orders.take");
  const input = parseInput(fireCourseSchema, raw);
  let change: CommittedChange | undefined;
  let stock = null as StockEffects | null; // set inside the transaction, published after commit
  let chits = 0;

  let events: { settled: Settled; list: NewOrderEvent[] } | null = null;
  // Last in the transaction, after the idempotency key: the counter lock is held only for the commit.
  const record = async (tx: Tx) => {
    if (events) change = await recordOrderEvents(tx, ctx, events.settled, events.list);
  };
  const work = async (tx: Tx) => {
    const order = await lockOrder(tx, ctx, input.orderId, { open: true });
    const fired = await fireItems(tx, ctx, order, { status: "HELD", course: input.course });
    chits = fired?.chits ?? 0;
    if (!fired)
      throw new AppError(
        "INVALID_STATE",
        `No held ${COURSE_LABEL[input.course].toLowerCase()} on order #${order.number}`,
      );
    const settled = await settleOrder(tx, order);
    stock = await deductStock(tx, ctx, fired);
    events = {
      settled,
      list: [
        {
          orderId: order.id,
          type: "items.fired",
          payload: { stationIds: fired.stationIds, itemIds: fired.itemIds, fireBatch: fired.fireBatch },
        },
      ],
    };
    return { orderId: order.id, fireBatch: fired.fireBatch, firedItemIds: fired.itemIds, status: settled.status };
  };

  const { idempotencyKey, ...request } = input;
  const { value, replayed } = idempotencyKey
    ? await runIdempotent(ctx, { scope: "orders.fire", key: idempotencyKey, request }, work, record)
    : {
        value: await db.$transaction(async (tx) => {
          const value = await work(tx);
          await record(tx);
          return value;
        }, TX_OPTIONS),
        replayed: false,
      };
  if (!replayed && change) publishOrderChange(ctx, change, stock);
  if (!replayed && chits > 0) kickPrintQueue(); // committed: print the chits now, not at the next poll
  return { ...value, replayed };
}
