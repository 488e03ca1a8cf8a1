import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/context";
import type { Tx } from "../db";
import type { OrderEventPayload, OrderEventType } from "../realtime/events";

export type NewOrderEvent = { orderId: string | null; type: OrderEventType; payload: OrderEventPayload };
export type StoredOrderEvent = {
  seq: number;
  type: OrderEventType;
  orderId: string | null;
  payload: OrderEventPayload;
  createdAt: Date;
};

/**
 * Append events with the next gapless per-location seqs, in ONE statement: the counter row's
 * upsert (a row lock held until commit, so concurrent writers queue here and seq order equals
 * commit order — a display that has seen N has seen everything ≤ N once N+1 arrives) feeds the
 * event rows' insert. Call it LAST in a transaction: the lock is then held only for the commit.
 */
export async function appendOrderEvents(
  tx: Tx,
  ctx: Pick<Actor, "locationId" | "userId">,
  events: NewOrderEvent[],
): Promise<StoredOrderEvent[]> {
  if (events.length === 0) return [];
  const n = events.length;
  const createdAt = new Date();
  const rows = await tx.$queryRaw<{ seq: number }[]>`
    WITH counter AS (
      INSERT INTO "LocationCounter" ("locationId", "eventSeq") VALUES (${ctx.locationId}, ${n})
      ON CONFLICT ("locationId") DO UPDATE SET "eventSeq" = "LocationCounter"."eventSeq" + ${n}
      RETURNING "eventSeq"
    ), rows AS (
      SELECT e.*, counter."eventSeq" - ${n} + e.ord AS seq
      FROM counter, unnest(
        ${events.map(() => randomUUID())}::text[],
        ${events.map((e) => e.orderId)}::text[],
        ${events.map((e) => e.type)}::text[],
        ${events.map((e) => JSON.stringify(e.payload))}::jsonb[]
      ) WITH ORDINALITY AS e(id, "orderId", type, payload, ord)
    )
    INSERT INTO "OrderEvent" (id, "locationId", seq, "orderId", type, payload, "actorId", "createdAt")
    SELECT id, ${ctx.locationId}, seq, "orderId", type, payload, ${ctx.userId}, ${createdAt}
    FROM rows
    RETURNING seq`;
  const first = Math.min(...rows.map((r) => Number(r.seq)));
  return events.map((e, i) => ({ ...e, seq: first + i, createdAt }));
}

/** Next per-location order number (same counter row; used when opening an order). */
export async function nextOrderNumber(tx: Tx, locationId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ orderNumber: number }[]>`
    INSERT INTO "LocationCounter" ("locationId", "orderNumber") VALUES (${locationId}, 1)
    ON CONFLICT ("locationId") DO UPDATE SET "orderNumber" = "LocationCounter"."orderNumber" + 1
    RETURNING "orderNumber"`;
  return Number(rows[0].orderNumber);
}
