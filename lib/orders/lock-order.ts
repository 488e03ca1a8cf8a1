import "server-only";
import type { OrderStatus, TableStatus } from "@/generated/prisma/enums";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";
import { isTerminalOrder } from "./order-state";

export type LockedOrder = {
  id: string;
  number: number;
  status: OrderStatus;
  tableId: string | null;
  locationId: string;
  /** The guest QR session the order feeds: its phones hear about the order's changes. */
  guestSessionId: string | null;
  /** Where the order came from (FLOOR, GUEST, …): metrics label sends by it. */
  source: string;
  /** What the settle and the send need, read with the lock (one round trip instead of three). */
  tableStatus: TableStatus | null;
  taxRateBps: number;
  /** An online delivery's fee and its snapshotted tax rate (0 and 0 for every other order). */
  deliveryFeeCents: number;
  deliveryFeeTaxRateBps: number;
  timezone: string;
  lastFireBatch: number;
  /**
   * The order's checks need recomputing when its items change: it is split, discounted, partly
   * paid or under a service-charge rule. Otherwise it owes exactly its items' total (the send path
   * stays as lean as it was, ADR 0025).
   */
  checksNeedRefresh: boolean;
  /** A closed table turns NEEDS_BUSSING rather than FREE (Location.bussingStep). */
  bussingStep: boolean;
};

/**
 * Lock one of this location's orders for the rest of the transaction (SELECT … FOR UPDATE OF the
 * order), so two tablets (or a tablet and the pass) changing the same order run one after the
 * other. Another location's order id is indistinguishable from a missing one: 404.
 */
export async function lockOrder(
  tx: Tx,
  ctx: Pick<Ctx, "locationId">,
  orderId: string,
  opts: { open?: boolean } = {},
): Promise<LockedOrder> {
  // One round trip: lock and read the row (tenancy in the WHERE) with its table, location and last ticket.
  const rows = await tx.$queryRaw<(Omit<LockedOrder, "lastFireBatch"> & { lastFireBatch: number | null })[]>`
    SELECT o."id", o."number", o."status"::text AS "status", o."tableId", o."locationId", o."guestSessionId",
           o."source"::text AS "source", o."deliveryFeeCents", o."deliveryFeeTaxRateBps",
           t."status"::text AS "tableStatus", l."taxRateBps", l."timezone", l."bussingStep",
           (SELECT MAX(i."fireBatch") FROM "OrderItem" i WHERE i."orderId" = o."id") AS "lastFireBatch",
           (o."paidCents" > 0 OR l."serviceChargeRules"::jsonb <> '[]'::jsonb
             OR EXISTS (SELECT 1 FROM "Check" c WHERE c."orderId" = o."id"
                          AND (c."number" > 1 OR c."status" <> 'OPEN' OR c."serviceChargeWaived"))
             OR EXISTS (SELECT 1 FROM "CheckDiscount" d JOIN "Check" c ON c."id" = d."checkId"
                          WHERE c."orderId" = o."id" AND d."removedAt" IS NULL)) AS "checksNeedRefresh"
    FROM "Order" o
    JOIN "Location" l ON l."id" = o."locationId"
    LEFT JOIN "DiningTable" t ON t."id" = o."tableId"
    WHERE o."id" = ${orderId} AND o."locationId" = ${ctx.locationId}
    FOR UPDATE OF o`;
  const row = rows[0];
  if (!row) throw notFound("Order");
  const order: LockedOrder = { ...row, lastFireBatch: row.lastFireBatch ?? 0 };
  if (opts.open && isTerminalOrder(order.status)) {
    throw new AppError("INVALID_STATE", `Order #${order.number} is ${order.status.toLowerCase()}`);
  }
  return order;
}
