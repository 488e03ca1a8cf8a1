import "server-only";
import type { OnlineOrderStatus, OrderSource } from "@/generated/prisma/enums";
import { db } from "../db";
import { distanceMeters } from "../delivery/geo";
import { notFound } from "../errors";
import { decryptPii } from "../pii/pii-crypto";
import { piiKeyring } from "../pii/keyring";
import { etaMinutesFor } from "./online-times";
import { onlineStatusLabel } from "./online-status";
import { trackingTokenSchema } from "./schemas";
import { trackingChannel } from "./tracking-channel";

type Stamps = {
  createdAt: Date;
  firedAt: Date | null;
  readyAt: Date | null;
  pickedUpAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  updatedAt: Date;
};

/** The steps a customer follows, each with when it was reached (null: not yet). */
export function trackingSteps(source: OrderSource, status: OnlineOrderStatus, s: Stamps) {
  const path: [OnlineOrderStatus, Date | null][] =
    source === "DELIVERY"
      ? [
          ["RECEIVED", s.createdAt],
          ["IN_KITCHEN", s.firedAt],
          ["READY", s.readyAt],
          ["OUT_FOR_DELIVERY", s.pickedUpAt],
          ["DELIVERED", s.deliveredAt],
        ]
      : [
          ["RECEIVED", s.createdAt],
          ["IN_KITCHEN", s.firedAt],
          ["READY", s.readyAt],
          ["PICKED_UP", s.deliveredAt],
        ];
  if (status === "FAILED") path.push(["FAILED", s.failedAt]);
  if (status === "CANCELLED") path.push(["CANCELLED", s.updatedAt]);
  const reached = path.findIndex(([st]) => st === status);
  return path.map(([st, at], i) => ({
    status: st,
    label: onlineStatusLabel(source, st),
    at: i <= reached ? (at?.toISOString() ?? null) : null,
    done: i <= reached,
  }));
}

/**
 * An online order as its tracking page shows it; the token is the only key (no session). Never
 * the phone, never the driver's notes: the street the customer ordered to, the driver's first
 * name and last position (while out for delivery) with an ETA. Unknown token → 404.
 */
export async function getOnlineTracking(token: string, now = new Date()) {
  const valid = trackingTokenSchema.safeParse(token);
  if (!valid.success) throw notFound("Order");
  const o = await db.onlineOrder.findUnique({
    where: { trackingToken: valid.data },
    select: {
      orderId: true,
      status: true,
      payment: true,
      changeForCents: true,
      customerFirstName: true,
      addressEnc: true,
      latitude: true,
      longitude: true,
      requestedAsap: true,
      promisedAt: true,
      createdAt: true,
      firedAt: true,
      readyAt: true,
      pickedUpAt: true,
      deliveredAt: true,
      failedAt: true,
      updatedAt: true,
      driverId: true,
      driver: { select: { name: true } },
      location: { select: { name: true, phone: true, currency: true, latitude: true, longitude: true, slug: true } },
      order: {
        select: {
          number: true,
          source: true,
          subtotalCents: true,
          taxCents: true,
          deliveryFeeCents: true,
          totalCents: true,
          items: {
            where: { status: { not: "VOIDED" } },
            orderBy: { id: "asc" },
            select: { name: true, quantity: true, modifiers: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!o) throw notFound("Order");
  const source = o.order.source;
  let street: string | null = null;
  if (o.addressEnc) {
    try {
      street = (JSON.parse(decryptPii(piiKeyring(), o.addressEnc)) as { street?: string }).street ?? null;
    } catch {
      street = null; // an erased or unreadable snapshot: the page shows no street
    }
  }
  let driver: {
    firstName: string;
    position: { lat: number; lng: number; at: string } | null;
    etaMinutes: number | null;
  } | null = null;
  if (o.status === "OUT_FOR_DELIVERY" && o.driverId) {
    const shift = await db.driverShift.findFirst({
      where: { driverId: o.driverId, endedAt: null, lastPositionAt: { not: null } },
      orderBy: { startedAt: "desc" },
      select: { lastLatitude: true, lastLongitude: true, lastPositionAt: true },
    });
    const position =
      shift?.lastLatitude != null && shift.lastLongitude != null && shift.lastPositionAt
        ? { lat: shift.lastLatitude, lng: shift.lastLongitude, at: shift.lastPositionAt.toISOString() }
        : null;
    driver = {
      firstName: o.driver?.name.split(/\s+/)[0] ?? "",
      position,
      etaMinutes:
        position && o.latitude != null && o.longitude != null
          ? etaMinutesFor(distanceMeters(position, { lat: o.latitude, lng: o.longitude }))
          : null,
    };
  }
  return {
    orderNumber: o.order.number,
    status: o.status,
    statusLabel: onlineStatusLabel(source, o.status),
    fulfilment: source === "DELIVERY" ? ("DELIVERY" as const) : ("PICKUP" as const),
    firstName: o.customerFirstName,
    promisedAt: o.promisedAt.toISOString(),
    requestedAsap: o.requestedAsap,
    steps: trackingSteps(source, o.status, o),
    items: o.order.items.map((i) => ({
      name: i.name,
      quantity: i.quantity,
      modifiers: i.modifiers.map((m) => m.name),
    })),
    currency: o.location.currency,
    subtotalCents: o.order.subtotalCents,
    taxCents: o.order.taxCents,
    deliveryFeeCents: o.order.deliveryFeeCents,
    totalCents: o.order.totalCents,
    payment: o.payment,
    changeForCents: o.changeForCents,
    restaurant: {
      name: o.location.name,
      slug: o.location.slug,
      phone: o.location.phone,
      position:
        o.location.latitude != null && o.location.longitude != null
          ? { lat: o.location.latitude, lng: o.location.longitude }
          : null,
    },
    deliverTo:
      source === "DELIVERY" && o.latitude != null && o.longitude != null
        ? { street, lat: o.latitude, lng: o.longitude }
        : null,
    driver,
    channel: trackingChannel(valid.data),
    serverTime: now.toISOString(),
  };
}

export type OnlineTracking = Awaited<ReturnType<typeof getOnlineTracking>>;
