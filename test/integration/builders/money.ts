// Paid checks, payments, refunds and voided lines written directly (no use case): the fixtures
// of the cash drawer and end-of-day tests, at any instant in the past.
import type { TenderType } from "@/generated/prisma/client";
import { nextOrderNumber } from "@/lib/orders/append-order-events";
import { testDb } from "../helpers";
import { buildCategory, buildMenuItem } from "./menu";

export type PaymentSpec = {
  tender: TenderType;
  amountCents: number;
  tipCents?: number;
  tenderedCents?: number;
  drawerSessionId?: string | null;
  createdAt?: Date;
};

export type CheckSpec = {
  subtotalCents: number;
  discountCents?: number;
  compCents?: number;
  serviceChargeCents?: number;
  taxCents?: number;
  /** Null: still open (not paid). */
  paidAt: Date | null;
  payments?: PaymentSpec[];
};

/** total = subtotal − discount − comp + service charge + tax, the rule every snapshot keeps. */
export const checkTotal = (c: CheckSpec) =>
  c.subtotalCents - (c.discountCents ?? 0) - (c.compCents ?? 0) + (c.serviceChargeCents ?? 0) + (c.taxCents ?? 0);

/** An order with its checks and their payments; CLOSED when every check is paid. */
export async function buildOrderWithChecks(
  locationId: string,
  spec: {
    serverId?: string | null;
    guestCount?: number;
    openedAt?: Date;
    createdById: string;
    checks: CheckSpec[];
    /** Force the order's status (e.g. SENT for an open check). */
    status?: "OPEN" | "SENT" | "CLOSED";
    paidCents?: number;
  },
) {
  const db = testDb();
  const number = await db.$transaction((tx) => nextOrderNumber(tx, locationId));
  const due = spec.checks.reduce((s, c) => s + checkTotal(c), 0);
  const allPaid = spec.checks.every((c) => c.paidAt);
  const paid = spec.paidCents ?? spec.checks.filter((c) => c.paidAt).reduce((s, c) => s + checkTotal(c), 0);
  const lastPaid = spec.checks.reduce<Date | null>((m, c) => (c.paidAt && (!m || c.paidAt > m) ? c.paidAt : m), null);
  const order = await db.order.create({
    data: {
      locationId,
      number,
      serverId: spec.serverId ?? null,
      guestCount: spec.guestCount ?? 2,
      status: spec.status ?? (allPaid ? "CLOSED" : "SENT"),
      subtotalCents: spec.checks.reduce((s, c) => s + c.subtotalCents, 0),
      totalCents: due,
      dueCents: due,
      paidCents: paid,
      paymentState: paid >= due ? "PAID" : paid > 0 ? "PARTLY_PAID" : "UNPAID",
      openedAt: spec.openedAt ?? new Date((spec.checks[0].paidAt ?? new Date()).getTime() - 3_600_000),
      closedAt: allPaid ? lastPaid : null,
    },
  });
  const checks = [];
  for (const [i, c] of spec.checks.entries()) {
    const total = checkTotal(c);
    const check = await db.check.create({
      data: {
        locationId,
        orderId: order.id,
        number: i + 1,
        status: c.paidAt ? "PAID" : "OPEN",
        subtotalCents: c.subtotalCents,
        discountCents: c.discountCents ?? 0,
        compCents: c.compCents ?? 0,
        serviceChargeCents: c.serviceChargeCents ?? 0,
        taxCents: c.taxCents ?? 0,
        totalCents: total,
        paidCents: c.paidAt ? total : 0,
        tipCents: (c.payments ?? []).reduce((s, p) => s + (p.tipCents ?? 0), 0),
        paidAt: c.paidAt,
      },
    });
    const payments = [];
    for (const p of c.payments ?? []) {
      payments.push(
        await db.payment.create({
          data: {
            locationId,
            orderId: order.id,
            checkId: check.id,
            tender: p.tender,
            amountCents: p.amountCents,
            tipCents: p.tipCents ?? 0,
            tenderedCents: p.tenderedCents ?? null,
            changeCents: p.tenderedCents ? p.tenderedCents - p.amountCents : 0,
            cardBrand: p.tender === "CARD" ? "Visa" : null,
            cardLast4: p.tender === "CARD" ? "4242" : null,
            drawerSessionId: p.drawerSessionId ?? null,
            createdById: spec.createdById,
            createdAt: p.createdAt ?? c.paidAt ?? new Date(),
          },
        }),
      );
    }
    checks.push({ ...check, payments });
  }
  return { order, checks };
}

/** A refund of (part of) a payment at `createdAt`, optionally paid out of a drawer. */
export async function buildRefund(
  locationId: string,
  spec: {
    paymentId: string;
    amountCents: number;
    tipCents?: number;
    createdById: string;
    createdAt?: Date;
    drawerSessionId?: string | null;
  },
) {
  const db = testDb();
  await db.payment.update({
    where: { id: spec.paymentId },
    data: { refundedCents: { increment: spec.amountCents }, refundedTipCents: { increment: spec.tipCents ?? 0 } },
  });
  return db.refund.create({
    data: {
      locationId,
      paymentId: spec.paymentId,
      amountCents: spec.amountCents,
      tipCents: spec.tipCents ?? 0,
      reason: "Guest complaint",
      createdById: spec.createdById,
      createdAt: spec.createdAt ?? new Date(),
      drawerSessionId: spec.drawerSessionId ?? null,
    },
  });
}

/** A voided line of `quantity` × (unit + modifiers) cents, voided at `voidedAt`. */
export async function buildVoidedLine(
  locationId: string,
  spec: { unitPriceCents: number; modifiersCents?: number; quantity?: number; voidedAt: Date; voidedById: string },
) {
  const db = testDb();
  const category = await buildCategory(locationId);
  const item = await buildMenuItem(locationId, { categoryId: category.id });
  const number = await db.$transaction((tx) => nextOrderNumber(tx, locationId));
  const order = await db.order.create({ data: { locationId, number, openedAt: spec.voidedAt } });
  return db.orderItem.create({
    data: {
      orderId: order.id,
      locationId,
      menuItemId: item.id,
      name: item.name,
      unitPriceCents: spec.unitPriceCents,
      modifiersCents: spec.modifiersCents ?? 0,
      quantity: spec.quantity ?? 1,
      status: "VOIDED",
      voidedAt: spec.voidedAt,
      voidReason: "Wrong table",
      voidedById: spec.voidedById,
    },
  });
}
