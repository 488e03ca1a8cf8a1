// Online delivery orders already assigned to a driver on a route, written directly (no ordering
// site, no dispatch board): for the driver app's use cases.
import { randomUUID } from "node:crypto";
import type { OnlineOrderStatus, OnlinePayment } from "@/generated/prisma/enums";
import { nextOrderNumber } from "@/lib/orders/append-order-events";
import { encryptPii } from "@/lib/pii/pii-crypto";
import { piiKeyring } from "@/lib/pii/keyring";
import { testDb } from "../helpers";
import { buildCategory, buildMenuItem } from "./menu";

export async function buildCustomer(locationId: string, firstName = "Ada"): Promise<string> {
  return (await testDb().customer.create({ data: { locationId, firstName } })).id;
}

/** A route for a driver (PLANNED unless said otherwise). */
export async function buildRoute(
  locationId: string,
  driverId: string,
  spec: { status?: "PLANNED" | "OUT" | "DONE"; shiftId?: string | null } = {},
): Promise<string> {
  const r = await testDb().deliveryRoute.create({
    data: { locationId, driverId, status: spec.status ?? "PLANNED", shiftId: spec.shiftId ?? null },
  });
  return r.id;
}

export type DeliverySpec = {
  driverId?: string | null;
  routeId?: string | null;
  routeSeq?: number;
  status?: OnlineOrderStatus;
  payment?: OnlinePayment;
  dueCents?: number;
  paidCents?: number;
  changeForCents?: number | null;
  customerId?: string | null;
  firstName?: string;
  address?: { street: string; unit?: string; notes?: string } | null;
  /** Stored as is (a damaged row). */
  addressEnc?: string;
  lat?: number | null;
  lng?: number | null;
  placedAt?: Date;
  promisedAt?: Date;
  pickedUpAt?: Date | null;
  deliveredAt?: Date | null;
  failedAt?: Date | null;
  failedReason?: string | null;
  collectedCents?: number | null;
  /** The shift whose driver took collectedCents at the door (a CASH payment on the check). */
  shiftId?: string;
};

/** The item's status for an online order at `status`: at the pass from READY on, cooking before. */
function itemStatusFor(status: OnlineOrderStatus) {
  if (status === "RECEIVED") return "HELD" as const;
  if (status === "IN_KITCHEN") return "SENT" as const;
  if (status === "DELIVERED" || status === "PICKED_UP") return "SERVED" as const;
  return "READY" as const;
}

/**
 * A DELIVERY order with its OnlineOrder row, one untaxed dish of `dueCents` on check 1 (and
 * `paidCents` already paid on it, or `collectedCents` taken at the door on `shiftId`);
 * answers the order id and number.
 */
export async function buildDelivery(
  locationId: string,
  spec: DeliverySpec = {},
): Promise<{ orderId: string; number: number; trackingToken: string }> {
  const db = testDb();
  const number = await db.$transaction((tx) => nextOrderNumber(tx, locationId));
  const due = spec.dueCents ?? 2500;
  const paid = spec.paidCents ?? 0;
  const placedAt = spec.placedAt ?? new Date();
  const status = spec.status ?? "READY";
  const final = status === "DELIVERED" || status === "PICKED_UP";
  const order = await db.order.create({
    data: {
      locationId,
      number,
      source: "DELIVERY",
      status: final ? "CLOSED" : "SENT",
      subtotalCents: due,
      totalCents: due,
      dueCents: due,
      paidCents: paid,
      paymentState: paid >= due ? "PAID" : paid > 0 ? "PARTLY_PAID" : "UNPAID",
      openedAt: placedAt,
    },
  });
  const category = await buildCategory(locationId);
  const dish = await buildMenuItem(locationId, { categoryId: category.id, priceCents: due });
  const item = await db.orderItem.create({
    data: {
      orderId: order.id,
      locationId,
      menuItemId: dish.id,
      name: dish.name,
      unitPriceCents: due,
      status: itemStatusFor(status),
      fireBatch: status === "RECEIVED" ? null : 1,
      firedAt: status === "RECEIVED" ? null : placedAt,
    },
  });
  const check = await db.check.create({
    data: { locationId, orderId: order.id, number: 1, subtotalCents: due, totalCents: due, paidCents: paid },
  });
  await db.checkLine.create({ data: { checkId: check.id, orderItemId: item.id, parts: 1 } });
  const payer = spec.driverId ?? (await db.membership.findFirstOrThrow({ where: { locationId } })).userId;
  if (paid > 0)
    await db.payment.create({
      data: { locationId, orderId: order.id, checkId: check.id, tender: "CARD", amountCents: paid, createdById: payer },
    });
  if (spec.collectedCents && spec.shiftId)
    await db.payment.create({
      data: {
        locationId,
        orderId: order.id,
        checkId: check.id,
        tender: "CASH",
        amountCents: spec.collectedCents,
        tenderedCents: spec.collectedCents,
        driverShiftId: spec.shiftId,
        createdById: payer,
      },
    });
  const trackingToken = randomUUID();
  const address =
    spec.address === undefined ? { street: "12 River Road", unit: "Flat 3", notes: "Ring twice" } : spec.address;
  await db.onlineOrder.create({
    data: {
      orderId: order.id,
      locationId,
      customerId: spec.customerId ?? null,
      trackingToken,
      status,
      payment: spec.payment ?? "CASH_ON_DELIVERY",
      changeForCents: spec.changeForCents ?? null,
      customerFirstName: spec.firstName ?? "Ada",
      addressEnc: spec.addressEnc ?? (address ? encryptPii(piiKeyring(), JSON.stringify(address)) : null),
      latitude: spec.lat === undefined ? 52.52 : spec.lat,
      longitude: spec.lng === undefined ? 13.405 : spec.lng,
      promisedAt: spec.promisedAt ?? new Date(placedAt.getTime() + 45 * 60_000),
      fireAt: placedAt,
      idempotencyKey: randomUUID(),
      driverId: spec.driverId ?? null,
      routeId: spec.routeId ?? null,
      routeSeq: spec.routeSeq ?? null,
      assignedAt: spec.driverId ? placedAt : null,
      pickedUpAt: spec.pickedUpAt ?? null,
      deliveredAt: spec.deliveredAt ?? null,
      failedAt: spec.failedAt ?? null,
      failedReason: spec.failedReason ?? null,
      collectedCents: spec.collectedCents ?? null,
      createdAt: placedAt,
    },
  });
  return { orderId: order.id, number, trackingToken };
}

/** A shift on duty (open unless `endedAt`). */
export async function buildShift(
  locationId: string,
  driverId: string,
  spec: { startedAt?: Date; endedAt?: Date | null } = {},
): Promise<string> {
  const s = await testDb().driverShift.create({
    data: { locationId, driverId, startedAt: spec.startedAt ?? new Date(), endedAt: spec.endedAt ?? null },
  });
  return s.id;
}
