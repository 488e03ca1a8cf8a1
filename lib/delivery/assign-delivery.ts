import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan, can } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db, type Tx } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { assignDeliverySchema, type AssignDeliveryInput } from "./assignment-schemas";
import { defaultRoutePlanner } from "./optimise-route";
import { publishDeliveryChanged } from "./publish-delivery-changed";

/** Statuses an order may be given to a driver in: still cooking (the driver waits) or ready. */
const ASSIGNABLE = new Set(["IN_KITCHEN", "READY"]);

/**
 * Lock the orders' rows (in id order, so two dispatchers cannot deadlock) and check each may go:
 * this location's (else 404), a delivery, not on a route yet, cooking or ready.
 */
async function lockAssignableOrders(tx: Tx, ctx: Ctx, ids: string[]) {
  const locked = await tx.$queryRaw<{ orderId: string }[]>`
    SELECT "orderId" FROM "OnlineOrder"
    WHERE "orderId" = ANY(${ids}::text[]) AND "locationId" = ${ctx.locationId}
    ORDER BY "orderId" FOR UPDATE`;
  if (locked.length !== ids.length) throw notFound("Order");
  const orders = await tx.onlineOrder.findMany({
    where: { orderId: { in: ids }, locationId: ctx.locationId },
    select: {
      orderId: true,
      status: true,
      routeId: true,
      latitude: true,
      longitude: true,
      order: { select: { number: true, source: true } },
    },
  });
  const listed = (os: typeof orders) => os.map((o) => `#${o.order.number}`).join(", ");
  const refuse = (code: "INVALID_STATE" | "CONFLICT", what: string, os: typeof orders) => {
    if (os.length) throw new AppError(code, `${what}: ${listed(os)}`, { orderIds: [`${what}: ${listed(os)}`] });
  };
  refuse(
    "INVALID_STATE",
    "Not a delivery order",
    orders.filter((o) => o.order.source !== "DELIVERY"),
  );
  refuse(
    "CONFLICT",
    "Already assigned",
    orders.filter((o) => o.routeId !== null),
  );
  refuse(
    "INVALID_STATE",
    "Not in the kitchen or ready",
    orders.filter((o) => !ASSIGNABLE.has(o.status)),
  );
  return orders;
}

/** The driver's open shift, locked: the driver cannot go off duty between this check and the route. */
async function lockDriverShift(tx: Tx, ctx: Ctx, driverId: string): Promise<string> {
  const membership = await tx.membership.findFirst({
    where: { userId: driverId, locationId: ctx.locationId },
    select: { role: true, user: { select: { name: true, active: true } } },
  });
  if (!membership || !membership.user.active) {
    throw new AppError("NOT_FOUND", "Driver not found", { driverId: ["No such driver here"] });
  }
  if (!can(membership, "delivery.drive")) {
    throw new AppError("INVALID_STATE", "Only a driver can take deliveries", { driverId: ["Not a driver"] });
  }
  const shifts = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "DriverShift"
    WHERE "driverId" = ${driverId} AND "locationId" = ${ctx.locationId} AND "endedAt" IS NULL
    ORDER BY "startedAt" DESC LIMIT 1 FOR UPDATE`;
  if (shifts.length === 0) {
    throw new AppError("INVALID_STATE", `${membership.user.name} is not on duty`, { driverId: ["Not on duty"] });
  }
  return shifts[0].id;
}

/**
 * Give delivery orders to an on-duty driver as one route (PLANNED), stops in optimised order.
 * Of two assignments of the same order, the second waits on the row lock, then finds it taken.
 */
export async function assignDelivery(ctx: Ctx, raw: AssignDeliveryInput) {
  assertCan(ctx, "delivery.dispatch");
  const input = parseInput(assignDeliverySchema, raw);
  const ids = [...input.orderIds].sort();
  const result = await db.$transaction(async (tx) => {
    const orders = await lockAssignableOrders(tx, ctx, ids);
    const shiftId = await lockDriverShift(tx, ctx, input.driverId);

    const location = await tx.location.findUniqueOrThrow({
      where: { id: ctx.locationId },
      select: { latitude: true, longitude: true },
    });
    const located = orders.filter((o) => o.latitude != null && o.longitude != null);
    const unlocated = orders.filter((o) => o.latitude == null || o.longitude == null);
    // Without the kitchen's position the route starts at the first stop (still a sensible order).
    const origin =
      location.latitude != null && location.longitude != null
        ? { lat: location.latitude, lng: location.longitude }
        : located[0]
          ? { lat: located[0].latitude!, lng: located[0].longitude! }
          : null;
    const planned = origin
      ? defaultRoutePlanner.plan(
          origin,
          located.map((o) => ({ id: o.orderId, lat: o.latitude!, lng: o.longitude! })),
        )
      : { stops: [], totalMeters: 0, etaMinutes: [] };
    // Addresses without coordinates go last, in order number order: the driver finds them by hand.
    const sequence = [
      ...planned.stops.map((s) => s.id),
      ...unlocated.sort((a, b) => a.order.number - b.order.number).map((o) => o.orderId),
    ];

    const now = new Date();
    const route = await tx.deliveryRoute.create({
      data: { locationId: ctx.locationId, driverId: input.driverId, shiftId, status: "PLANNED" },
      select: { id: true },
    });
    for (const [i, orderId] of sequence.entries()) {
      await tx.onlineOrder.update({
        where: { orderId },
        data: { routeId: route.id, routeSeq: i + 1, driverId: input.driverId, assignedAt: now },
      });
    }
    await auditAs(
      ctx,
      {
        action: "delivery.assign",
        entityType: "DeliveryRoute",
        entityId: route.id,
        details: { driverId: input.driverId, orderIds: sequence, totalMeters: planned.totalMeters },
      },
      tx,
    );
    return {
      routeId: route.id,
      driverId: input.driverId,
      orderIds: sequence,
      totalMeters: planned.totalMeters,
      etaMinutes: planned.etaMinutes,
    };
  });
  publishDeliveryChanged(ctx, {
    what: "assigned",
    routeId: result.routeId,
    driverId: result.driverId,
    orderIds: result.orderIds,
  });
  return result;
}
