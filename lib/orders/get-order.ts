import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { notFound } from "../errors";
import { assertCan } from "../auth/permissions";

/** One order with its lines, for the order pad and GET /api/v1/orders/:id (floor side: prices). */
export async function getOrder(ctx: Ctx, input: { orderId: string }) {
  assertCan(ctx, "orders.read");
  const order = await db.order.findFirst({
    where: { id: input.orderId, locationId: ctx.locationId },
    select: {
      id: true,
      number: true,
      status: true,
      guestCount: true,
      notes: true,
      subtotalCents: true,
      taxCents: true,
      totalCents: true,
      /** What the checks owe and what payments cover (the pad's Check button shows the state). */
      dueCents: true,
      paidCents: true,
      paymentState: true,
      openedAt: true,
      closedAt: true,
      updatedAt: true,
      table: { select: { id: true, label: true, status: true } },
      server: { select: { id: true, name: true } },
      items: {
        orderBy: [{ createdAt: "asc" }, { course: "asc" }, { seat: "asc" }, { id: "asc" }],
        select: {
          id: true,
          menuItemId: true,
          name: true,
          quantity: true,
          unitPriceCents: true,
          modifiersCents: true,
          taxRateBps: true,
          seat: true,
          /** Set on lines a guest ordered by QR (their nickname): the pad shows "Guest · Dana". */
          guestLabel: true,
          course: true,
          notes: true,
          status: true,
          fireBatch: true,
          firedAt: true,
          bumpedAt: true,
          servedAt: true,
          voidedAt: true,
          voidReason: true,
          station: { select: { name: true } },
          modifiers: { select: { modifierId: true, name: true, priceDeltaCents: true } },
        },
      },
    },
  });
  if (!order) throw notFound("Order");
  return order;
}

export type OrderDetail = Awaited<ReturnType<typeof getOrder>>;
