import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { startOfLocalDay } from "../time/zoned";
import { onlineStatusLabel } from "./online-status";

/**
 * The floor's list of today's online orders (promised today, or still open from before):
 * status, promised time, fulfilment, the customer's first name, what is owed, and whether a
 * scheduled one failed to reach the kitchen (needs a manager). No phone, no address.
 */
export async function listOnlineOrders(ctx: Ctx, now = new Date()) {
  assertCan(ctx, "online.orders");
  const location = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { timezone: true, currency: true },
  });
  const dayStart = startOfLocalDay(location.timezone, now);
  const rows = await db.onlineOrder.findMany({
    where: {
      locationId: ctx.locationId,
      OR: [
        { promisedAt: { gte: dayStart } },
        { status: { in: ["RECEIVED", "IN_KITCHEN", "READY", "OUT_FOR_DELIVERY"] } },
      ],
    },
    orderBy: [{ promisedAt: "asc" }],
    take: 200,
    select: {
      orderId: true,
      status: true,
      payment: true,
      customerFirstName: true,
      promisedAt: true,
      fireAt: true,
      fireFailedAt: true,
      fireFailedReason: true,
      requestedAsap: true,
      changeForCents: true,
      driver: { select: { name: true } },
      order: {
        select: {
          number: true,
          source: true,
          totalCents: true,
          dueCents: true,
          paidCents: true,
          paymentState: true,
          items: { where: { status: { not: "VOIDED" } }, select: { quantity: true } },
        },
      },
    },
  });
  return {
    currency: location.currency,
    // Flagged ones first (a stable sort keeps the promised-time order within each group).
    orders: rows
      .map((r) => ({
        orderId: r.orderId,
        orderNumber: r.order.number,
        fulfilment: r.order.source,
        status: r.status,
        statusLabel: onlineStatusLabel(r.order.source, r.status),
        firstName: r.customerFirstName,
        promisedAt: r.promisedAt.toISOString(),
        fireAt: r.fireAt.toISOString(),
        // The kitchen refused it at fire time (lib/online/fire-due-online-orders.ts): staff must act.
        fireFailed:
          r.status === "RECEIVED" && r.fireFailedAt
            ? { at: r.fireFailedAt.toISOString(), reason: r.fireFailedReason ?? "" }
            : null,
        requestedAsap: r.requestedAsap,
        payment: r.payment,
        changeForCents: r.changeForCents,
        totalCents: r.order.totalCents,
        paymentState: r.order.paymentState,
        /** What the counter takes at hand-over. */
        owedCents: Math.max(0, r.order.dueCents - r.order.paidCents),
        itemCount: r.order.items.reduce((n, i) => n + i.quantity, 0),
        driverFirstName: r.driver?.name.split(/\s+/)[0] ?? null,
      }))
      .sort((a, b) => Number(!!b.fireFailed) - Number(!!a.fireFailed)),
  };
}

export type OnlineOrderList = Awaited<ReturnType<typeof listOnlineOrders>>;
