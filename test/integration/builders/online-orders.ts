// Online orders written directly (no ordering site, no kitchen): for the dispatch board, the
// assignment and the driver's app, which start where the kitchen hands an order over.
import { randomUUID } from "node:crypto";
import type { OnlineOrderStatus, OrderSource } from "@/generated/prisma/client";
import { nextOrderNumber } from "@/lib/orders/append-order-events";
import { testDb } from "../helpers";
import { buildCategory, buildMenuItem } from "./menu";

/** One dish per location for the lines (online orders are built below the menu). */
async function dishOf(locationId: string): Promise<string> {
  const existing = await testDb().menuItem.findFirst({ where: { locationId }, select: { id: true } });
  if (existing) return existing.id;
  const category = await buildCategory(locationId);
  return (await buildMenuItem(locationId, { categoryId: category.id, name: "Delivery dish" })).id;
}

export type OnlineOrderSpec = {
  status?: OnlineOrderStatus;
  source?: Extract<OrderSource, "DELIVERY" | "PICKUP">;
  /** The drop-off; null for an address without coordinates. */
  position?: { lat: number; lng: number } | null;
  promisedAt?: Date;
  areaId?: string | null;
  firstName?: string;
  /** Lines on the order (each quantity 1). */
  items?: number;
  totalCents?: number;
};

/** An Order (source DELIVERY by default) with its OnlineOrder row, at `status`. */
export async function buildOnlineOrder(locationId: string, spec: OnlineOrderSpec = {}) {
  const db = testDb();
  const number = await db.$transaction((tx) => nextOrderNumber(tx, locationId));
  const status = spec.status ?? "READY";
  const promisedAt = spec.promisedAt ?? new Date(Date.now() + 30 * 60_000);
  const total = spec.totalCents ?? 2500;
  const order = await db.order.create({
    data: {
      locationId,
      number,
      source: spec.source ?? "DELIVERY",
      status: status === "READY" ? "READY" : "SENT",
      subtotalCents: total,
      totalCents: total,
    },
  });
  const menuItemId = await dishOf(locationId);
  for (let i = 0; i < (spec.items ?? 2); i++) {
    await db.orderItem.create({
      data: { orderId: order.id, locationId, menuItemId, name: `Dish ${i + 1}`, unitPriceCents: 1000, status: "SENT" },
    });
  }
  const position = spec.position === undefined ? { lat: 40.7483, lng: -73.9897 } : spec.position;
  await db.onlineOrder.create({
    data: {
      orderId: order.id,
      locationId,
      trackingToken: randomUUID(),
      status,
      payment: spec.source === "PICKUP" ? "PAY_AT_PICKUP" : "CASH_ON_DELIVERY",
      customerFirstName: spec.firstName ?? "Alex",
      latitude: position?.lat ?? null,
      longitude: position?.lng ?? null,
      areaId: spec.areaId ?? null,
      promisedAt,
      fireAt: new Date(promisedAt.getTime() - 30 * 60_000),
      firedAt: status === "RECEIVED" ? null : new Date(),
      readyAt: status === "READY" ? new Date() : null,
      idempotencyKey: randomUUID(),
    },
  });
  return { orderId: order.id, number };
}

/** An open (on duty) or closed shift of a driver, with an optional last position. */
export async function buildDriverShift(
  locationId: string,
  driverId: string,
  spec: { position?: { lat: number; lng: number }; ended?: boolean; positionAt?: Date } = {},
) {
  return testDb().driverShift.create({
    data: {
      locationId,
      driverId,
      startedAt: new Date(Date.now() - 60 * 60_000),
      endedAt: spec.ended ? new Date() : null,
      lastLatitude: spec.position?.lat ?? null,
      lastLongitude: spec.position?.lng ?? null,
      lastPositionAt: spec.position ? (spec.positionAt ?? new Date()) : null,
    },
  });
}
