import "server-only";
import type { DeliveryRouteStatus, OnlineOrderStatus, OnlinePayment } from "@/generated/prisma/enums";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { log } from "../log";
import { decryptPii } from "../pii/pii-crypto";
import { piiKeyring } from "../pii/keyring";
import { amountToCollect, navigateUrl } from "./delivery-rules";
import { collectedInShift } from "./shift-cash";

export type DriverAddress = { street: string; unit: string; notes: string };

export type DriverDelivery = {
  orderId: string;
  orderNumber: number;
  routeSeq: number | null;
  status: OnlineOrderStatus;
  customerFirstName: string;
  address: DriverAddress;
  /** False when the stored address could not be read (key rotated away, damaged row). */
  addressReadable: boolean;
  latitude: number | null;
  longitude: number | null;
  navigateUrl: string;
  payment: OnlinePayment;
  amountToCollectCents: number;
  changeForCents: number | null;
  promisedAt: Date;
  collectedCents: number | null;
};

export type DriverRoute = {
  id: string;
  status: DeliveryRouteStatus;
  startedAt: Date | null;
  /** Picking up needs every open order of the route ready. */
  canPickUp: boolean;
  orders: DriverDelivery[];
};

export type MyDeliveries = {
  driverName: string;
  shift: { id: string; startedAt: Date; cashToHandInCents: number; codOrders: number } | null;
  routes: DriverRoute[];
  /** True while any order is out: the app shares its position only then. */
  sharingPosition: boolean;
};

/** The address snapshot as JSON {street, unit, notes}, read defensively. */
export function readAddress(enc: string | null): { address: DriverAddress; readable: boolean } {
  const empty = { street: "", unit: "", notes: "" };
  if (!enc) return { address: empty, readable: false };
  try {
    const parsed: unknown = JSON.parse(decryptPii(piiKeyring(), enc));
    const o = (parsed && typeof parsed === "object" ? parsed : {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    return { address: { street: str(o.street), unit: str(o.unit), notes: str(o.notes) }, readable: true };
  } catch (error) {
    log.warn("delivery address unreadable", { error: error instanceof Error ? error.message : String(error) });
    return { address: empty, readable: false };
  }
}

/**
 * The signed-in driver's open routes (planned and out) with their stops in route order, and the
 * cash to hand in for the shift on duty. Only the driver's own: another driver's route never shows.
 */
export async function listMyDeliveries(ctx: Ctx): Promise<MyDeliveries> {
  assertCan(ctx, "delivery.drive");
  const [shift, routes] = await Promise.all([
    db.driverShift.findFirst({ where: { locationId: ctx.locationId, driverId: ctx.userId, endedAt: null } }),
    db.deliveryRoute.findMany({
      where: { locationId: ctx.locationId, driverId: ctx.userId, status: { in: ["PLANNED", "OUT"] } },
      orderBy: [{ createdAt: "asc" }],
      include: {
        orders: {
          where: { driverId: ctx.userId },
          orderBy: [{ routeSeq: "asc" }, { promisedAt: "asc" }],
          include: { order: { select: { number: true, dueCents: true, paidCents: true } } },
        },
      },
    }),
  ]);
  const cash = shift ? await collectedInShift(db, shift) : null;
  const out: DriverRoute[] = routes.map((r) => {
    const orders = r.orders.map((o): DriverDelivery => {
      const { address, readable } = readAddress(o.addressEnc);
      const text = [address.street, address.unit].filter(Boolean).join(", ");
      return {
        orderId: o.orderId,
        orderNumber: o.order.number,
        routeSeq: o.routeSeq,
        status: o.status,
        customerFirstName: o.customerFirstName,
        address,
        addressReadable: readable,
        latitude: o.latitude,
        longitude: o.longitude,
        navigateUrl: navigateUrl(o.latitude, o.longitude, text),
        payment: o.payment,
        amountToCollectCents: amountToCollect(o.payment, o.order.dueCents, o.order.paidCents),
        changeForCents: o.changeForCents,
        promisedAt: o.promisedAt,
        collectedCents: o.collectedCents,
      };
    });
    const open = orders.filter((o) => !["DELIVERED", "FAILED", "CANCELLED", "PICKED_UP"].includes(o.status));
    return {
      id: r.id,
      status: r.status,
      startedAt: r.startedAt,
      canPickUp: r.status === "PLANNED" && open.length > 0 && open.every((o) => o.status === "READY"),
      orders,
    };
  });
  return {
    driverName: ctx.name,
    shift: shift
      ? { id: shift.id, startedAt: shift.startedAt, cashToHandInCents: cash!.collectedCents, codOrders: cash!.orders }
      : null,
    routes: out,
    sharingPosition: out.some((r) => r.orders.some((o) => o.status === "OUT_FOR_DELIVERY")),
  };
}
