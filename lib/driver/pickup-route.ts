import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { afterOnlineMove } from "../online/after-online-move";
import { moveOnlineOrder, type OnlineMove } from "../online/move-online-order";
import { ONLINE_FINAL } from "../online/online-status";
import { parseInput } from "../validation";
import { routeIdSchema } from "./schemas";

/**
 * The driver leaves with a route: the route goes OUT and each of its orders READY → out for
 * delivery, all or nothing. Refused while an order is still in the kitchen (the driver would
 * leave without it) and when the driver is off duty (the cash would belong to no shift).
 */
export async function pickupRoute(ctx: Ctx, raw: { routeId: string }) {
  assertCan(ctx, "delivery.drive");
  const { routeId } = parseInput(routeIdSchema, raw);
  const moves: OnlineMove[] = [];
  const result = await db.$transaction(async (tx) => {
    const [route] = await tx.$queryRaw<{ id: string; status: string; shiftId: string | null }[]>`
      SELECT id, status::text AS status, "shiftId" FROM "DeliveryRoute"
       WHERE id = ${routeId} AND "locationId" = ${ctx.locationId} AND "driverId" = ${ctx.userId}
         FOR UPDATE`;
    if (!route) throw notFound("Route");
    if (route.status !== "PLANNED") throw new AppError("INVALID_STATE", "This route has already been picked up");
    const [shift] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "DriverShift"
       WHERE "driverId" = ${ctx.userId} AND "locationId" = ${ctx.locationId} AND "endedAt" IS NULL
         FOR UPDATE`;
    if (!shift) throw new AppError("INVALID_STATE", "Go on duty before picking up");
    const orders = await tx.onlineOrder.findMany({
      where: { routeId, driverId: ctx.userId, status: { notIn: [...ONLINE_FINAL] } },
      orderBy: [{ routeSeq: "asc" }],
      select: { orderId: true, status: true, order: { select: { number: true } } },
    });
    if (orders.length === 0) throw new AppError("INVALID_STATE", "This route has no orders left to deliver");
    const notReady = orders.filter((o) => o.status !== "READY");
    if (notReady.length > 0)
      throw new AppError(
        "INVALID_STATE",
        `Not ready yet: ${notReady.map((o) => `#${o.order.number}`).join(", ")}. Wait for the kitchen to finish before leaving.`,
      );
    const now = new Date();
    for (const o of orders) {
      const m = await moveOnlineOrder(tx, { locationId: ctx.locationId, orderId: o.orderId }, "OUT_FOR_DELIVERY", {
        now,
      });
      if (m) moves.push(m);
    }
    await tx.deliveryRoute.update({
      where: { id: routeId },
      data: { status: "OUT", startedAt: now, shiftId: route.shiftId ?? shift.id },
    });
    await auditAs(
      ctx,
      {
        action: "delivery.route.pickedUp",
        entityType: "DeliveryRoute",
        entityId: routeId,
        details: { orders: orders.map((o) => o.order.number) },
      },
      tx,
    );
    return { routeId, status: "OUT" as const, orders: orders.map((o) => o.orderId) };
  });
  await afterOnlineMove(moves);
  return result;
}
