import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { rankDrivers, suggestBatches, type DriverLoad } from "./suggest-driver";

/** Statuses in which an assigned order still weighs on its driver. */
const ACTIVE_STATUSES = ["RECEIVED", "IN_KITCHEN", "READY", "OUT_FOR_DELIVERY"] as const;

/**
 * The dispatch board's data: delivery orders cooking or ready and not assigned yet (with their
 * stop and suggested driver), the suggested batches of ready orders, the drivers on duty with
 * their load and last position, and the routes not finished. No phone or address: the board
 * needs the drop-off's position and the customer's first name only.
 */
export async function getDispatchBoard(ctx: Ctx) {
  assertCan(ctx, "delivery.dispatch");
  const now = new Date();
  const [location, waiting, shifts, routes] = await Promise.all([
    db.location.findUniqueOrThrow({ where: { id: ctx.locationId }, select: { latitude: true, longitude: true } }),
    db.onlineOrder.findMany({
      where: {
        locationId: ctx.locationId,
        status: { in: ["IN_KITCHEN", "READY"] },
        routeId: null,
        order: { source: "DELIVERY" },
      },
      orderBy: [{ promisedAt: "asc" }, { orderId: "asc" }],
      take: 200,
      select: {
        orderId: true,
        status: true,
        customerFirstName: true,
        promisedAt: true,
        readyAt: true,
        latitude: true,
        longitude: true,
        area: { select: { id: true, name: true } },
        order: {
          select: { number: true, items: { where: { status: { not: "VOIDED" } }, select: { quantity: true } } },
        },
      },
    }),
    db.driverShift.findMany({
      where: { locationId: ctx.locationId, endedAt: null },
      orderBy: { startedAt: "asc" },
      select: {
        id: true,
        driverId: true,
        startedAt: true,
        lastLatitude: true,
        lastLongitude: true,
        lastPositionAt: true,
        driver: { select: { name: true } },
      },
    }),
    db.deliveryRoute.findMany({
      where: { locationId: ctx.locationId, status: { in: ["PLANNED", "OUT"] } },
      orderBy: { createdAt: "asc" },
      take: 100,
      select: {
        id: true,
        status: true,
        driverId: true,
        createdAt: true,
        startedAt: true,
        driver: { select: { name: true } },
        orders: {
          orderBy: { routeSeq: "asc" },
          select: {
            orderId: true,
            routeSeq: true,
            status: true,
            customerFirstName: true,
            promisedAt: true,
            area: { select: { name: true } },
            order: { select: { number: true } },
          },
        },
      },
    }),
  ]);
  const kitchen =
    location.latitude != null && location.longitude != null
      ? { lat: location.latitude, lng: location.longitude }
      : null;

  const driverIds = [...new Set(shifts.map((s) => s.driverId))];
  const loads = driverIds.length
    ? await db.onlineOrder.groupBy({
        by: ["driverId"],
        where: { locationId: ctx.locationId, driverId: { in: driverIds }, status: { in: [...ACTIVE_STATUSES] } },
        _count: { _all: true },
      })
    : [];
  const loadOf = new Map(loads.map((l) => [l.driverId, l._count._all]));
  const drivers = shifts.map((s) => ({
    driverId: s.driverId,
    name: s.driver.name,
    shiftId: s.id,
    onDutySince: s.startedAt,
    load: loadOf.get(s.driverId) ?? 0,
    position: s.lastLatitude != null && s.lastLongitude != null ? { lat: s.lastLatitude, lng: s.lastLongitude } : null,
    lastPositionAt: s.lastPositionAt,
    positionAgeSeconds: s.lastPositionAt
      ? Math.max(0, Math.round((now.getTime() - s.lastPositionAt.getTime()) / 1000))
      : null,
  }));
  const driverLoads: DriverLoad[] = drivers.map((d) => ({
    driverId: d.driverId,
    name: d.name,
    load: d.load,
    position: d.position,
  }));

  const orders = waiting.map((o) => ({
    orderId: o.orderId,
    number: o.order.number,
    status: o.status,
    firstName: o.customerFirstName,
    promisedAt: o.promisedAt,
    readyAt: o.readyAt,
    area: o.area,
    position: o.latitude != null && o.longitude != null ? { lat: o.latitude, lng: o.longitude } : null,
    itemCount: o.order.items.reduce((n, i) => n + i.quantity, 0),
  }));
  const batches = suggestBatches(
    orders.filter((o) => o.status === "READY"),
    driverLoads,
    kitchen,
  );
  const batchDriver = new Map(batches.flatMap((b) => b.orders.map((o) => [o.orderId, b.driver?.driverId ?? null])));
  const firstChoice = rankDrivers(driverLoads, kitchen)[0]?.driverId ?? null;

  return {
    now,
    kitchen,
    orders: orders.map((o) => ({ ...o, suggestedDriverId: batchDriver.get(o.orderId) ?? firstChoice })),
    batches: batches.map((b) => ({
      orderIds: b.orders.map((o) => o.orderId),
      numbers: b.orders.map((o) => o.number),
      totalMeters: b.totalMeters,
      etaMinutes: b.etaMinutes,
      driverId: b.driver?.driverId ?? null,
      driverName: b.driver?.name ?? null,
    })),
    drivers,
    routes: routes.map((r) => ({
      id: r.id,
      status: r.status,
      driverId: r.driverId,
      driverName: r.driver.name,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      stops: r.orders.map((o) => ({
        orderId: o.orderId,
        seq: o.routeSeq,
        number: o.order.number,
        status: o.status,
        firstName: o.customerFirstName,
        promisedAt: o.promisedAt,
        area: o.area?.name ?? null,
      })),
    })),
  };
}

export type DispatchBoard = Awaited<ReturnType<typeof getDispatchBoard>>;
