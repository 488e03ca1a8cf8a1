import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
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
 * Append events with the next gapless per-location seqs. The UPDATE … RETURNING on the
 * location's counter row takes a row lock held until commit, so concurrent writers queue here
 * and seq order equals commit order (a display that has seen N has seen everything ≤ N once
 * N+1 arrives). Call it LAST in a transaction: the lock is then held only for the commit.
 */
export async function appendOrderEvents(
  tx: Tx,
  ctx: Pick<Ctx, "locationId" | "userId">,
  events: NewOrderEvent[],
): Promise<StoredOrderEvent[]> {
  if (events.length === 0) return [];
  const rows = await tx.$queryRaw<{ eventSeq: number }[]>`
    INSERT INTO "LocationCounter" ("locationId", "eventSeq") VALUES (${ctx.locationId}, ${events.length})
    ON CONFLICT ("locationId") DO UPDATE SET "eventSeq" = "LocationCounter"."eventSeq" + ${events.length}
    RETURNING "eventSeq"`;
  const last = Number(rows[0].eventSeq);
  const first = last - events.length + 1;
  const createdAt = new Date();
  const stored = events.map((e, i) => ({ ...e, seq: first + i, createdAt }));
  await tx.orderEvent.createMany({
    data: stored.map((e) => ({
      locationId: ctx.locationId,
      seq: e.seq,
      orderId: e.orderId,
      type: e.type,
      payload: e.payload as Prisma.InputJsonValue,
      actorId: ctx.userId,
      createdAt,
    })),
  });
  return stored;
}

/** Next per-location order number (same counter row; used when opening an order). */
export async function nextOrderNumber(tx: Tx, locationId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ orderNumber: number }[]>`
    INSERT INTO "LocationCounter" ("locationId", "orderNumber") VALUES (${locationId}, 1)
    ON CONFLICT ("locationId") DO UPDATE SET "orderNumber" = "LocationCounter"."orderNumber" + 1
    RETURNING "orderNumber"`;
  return Number(rows[0].orderNumber);
}
