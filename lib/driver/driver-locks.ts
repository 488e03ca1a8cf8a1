import "server-only";
import type { OnlineOrderStatus, OnlinePayment } from "@/generated/prisma/enums";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { notFound } from "../errors";
import { ONLINE_FINAL } from "../online/online-status";

export type MyLockedOrder = {
  orderId: string;
  number: number;
  status: OnlineOrderStatus;
  payment: OnlinePayment;
  customerId: string | null;
  routeId: string | null;
  dueCents: number;
  paidCents: number;
};

/**
 * Locks one of the signed-in driver's orders. Another driver's order, another location's or a
 * missing one all answer the same 404: a driver cannot learn which ids exist.
 */
export async function lockMyOrder(tx: Tx, ctx: Ctx, orderId: string): Promise<MyLockedOrder> {
  const [row] = await tx.$queryRaw<MyLockedOrder[]>`
    SELECT oo."orderId", o.number, oo.status, oo.payment, oo."customerId", oo."routeId", o."dueCents", o."paidCents"
      FROM "OnlineOrder" oo JOIN "Order" o ON o.id = oo."orderId"
     WHERE oo."orderId" = ${orderId} AND oo."locationId" = ${ctx.locationId} AND oo."driverId" = ${ctx.userId}
       FOR UPDATE OF oo`;
  if (!row) throw notFound("Delivery");
  return row;
}

/** A route whose every order has reached an end is done. */
export async function finishRouteIfDone(tx: Tx, routeId: string | null, now: Date): Promise<boolean> {
  if (!routeId) return false;
  const open = await tx.onlineOrder.count({ where: { routeId, status: { notIn: [...ONLINE_FINAL] } } });
  if (open > 0) return false;
  const done = await tx.deliveryRoute.updateMany({
    where: { id: routeId, status: { not: "DONE" } },
    data: { status: "DONE", finishedAt: now },
  });
  return done.count > 0;
}
