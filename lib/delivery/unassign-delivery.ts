import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { unassignDeliverySchema, type UnassignDeliveryInput } from "./assignment-schemas";
import { publishDeliveryChanged } from "./publish-delivery-changed";

/**
 * Take an order off its route while the driver has not left (route PLANNED). The remaining stops
 * keep their order and close up (1..n); a route left empty is deleted.
 */
export async function unassignDelivery(ctx: Ctx, raw: UnassignDeliveryInput) {
  assertCan(ctx, "delivery.dispatch");
  const { orderId } = parseInput(unassignDeliverySchema, raw);
  const result = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ routeId: string | null; driverId: string | null }[]>`
      SELECT "routeId", "driverId" FROM "OnlineOrder"
      WHERE "orderId" = ${orderId} AND "locationId" = ${ctx.locationId} FOR UPDATE`;
    if (rows.length === 0) throw notFound("Order");
    const { routeId, driverId } = rows[0];
    if (!routeId) throw new AppError("INVALID_STATE", "This order is not assigned");
    const routes = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM "DeliveryRoute"
      WHERE id = ${routeId} AND "locationId" = ${ctx.locationId} FOR UPDATE`;
    if (routes[0]?.status !== "PLANNED") {
      throw new AppError("INVALID_STATE", "The driver has already left with this order");
    }
    await tx.onlineOrder.update({
      where: { orderId },
      data: { routeId: null, routeSeq: null, driverId: null, assignedAt: null },
    });
    const rest = await tx.onlineOrder.findMany({
      where: { routeId, locationId: ctx.locationId },
      orderBy: [{ routeSeq: "asc" }, { orderId: "asc" }],
      select: { orderId: true },
    });
    for (const [i, o] of rest.entries()) {
      await tx.onlineOrder.update({ where: { orderId: o.orderId }, data: { routeSeq: i + 1 } });
    }
    if (rest.length === 0) await tx.deliveryRoute.delete({ where: { id: routeId } });
    await auditAs(
      ctx,
      {
        action: "delivery.unassign",
        entityType: "OnlineOrder",
        entityId: orderId,
        details: { routeId, driverId, routeDeleted: rest.length === 0 },
      },
      tx,
    );
    return { orderId, routeId: rest.length ? routeId : null, driverId };
  });
  publishDeliveryChanged(ctx, {
    what: "unassigned",
    routeId: result.routeId,
    driverId: result.driverId,
    orderIds: [orderId],
  });
  return result;
}
