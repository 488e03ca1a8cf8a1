import "server-only";
import type { OrderStatus } from "@/generated/prisma/enums";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";
import { isTerminalOrder } from "./order-state";

/**
 * Lock one of this location's orders for the rest of the transaction (SELECT … FOR UPDATE), so
 * two tablets (or a tablet and the pass) changing the same order run one after the other.
 * Another location's order id is indistinguishable from a missing one: 404.
 */
export async function lockOrder(tx: Tx, ctx: Pick<Ctx, "locationId">, orderId: string, opts: { open?: boolean } = {}) {
  // One round trip: lock and read the row (tenancy in the WHERE).
  const rows = await tx.$queryRaw<
    { id: string; number: number; status: OrderStatus; tableId: string | null; locationId: string }[]
  >`
    SELECT "id", "number", "status"::text AS "status", "tableId", "locationId"
    FROM "Order" WHERE "id" = ${orderId} AND "locationId" = ${ctx.locationId} FOR UPDATE`;
  const order = rows[0];
  if (!order) throw notFound("Order");
  if (opts.open && isTerminalOrder(order.status)) {
    throw new AppError("INVALID_STATE", `Order #${order.number} is ${order.status.toLowerCase()}`);
  }
  return order;
}
