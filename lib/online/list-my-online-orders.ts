import "server-only";
import type { CustomerCtx } from "../customers/customer-session";
import { db } from "../db";
import { onlineStatusLabel } from "./online-status";

/** A signed-in customer's own past orders, newest first, with what "Order again" needs. */
export async function listMyOnlineOrders(customer: CustomerCtx) {
  const rows = await db.onlineOrder.findMany({
    where: { customerId: customer.customerId, locationId: customer.locationId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      trackingToken: true,
      status: true,
      createdAt: true,
      promisedAt: true,
      order: {
        select: {
          number: true,
          source: true,
          totalCents: true,
          items: {
            where: { status: { not: "VOIDED" } },
            orderBy: { id: "asc" },
            select: {
              menuItemId: true,
              name: true,
              quantity: true,
              notes: true,
              modifiers: { select: { modifierId: true, name: true } },
            },
          },
        },
      },
    },
  });
  return {
    orders: rows.map((r) => ({
      trackingToken: r.trackingToken,
      orderNumber: r.order.number,
      fulfilment: r.order.source,
      status: r.status,
      statusLabel: onlineStatusLabel(r.order.source, r.status),
      createdAt: r.createdAt.toISOString(),
      promisedAt: r.promisedAt.toISOString(),
      totalCents: r.order.totalCents,
      lines: r.order.items.map((i) => ({
        menuItemId: i.menuItemId,
        name: i.name,
        quantity: i.quantity,
        notes: i.notes,
        modifierIds: i.modifiers.map((m) => m.modifierId),
        modifierNames: i.modifiers.map((m) => m.name),
      })),
    })),
  };
}
