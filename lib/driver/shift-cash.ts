import "server-only";
import type { Db, Tx } from "../db";

/**
 * Cash a driver took at the door during one shift: collectedCents of their delivered
 * cash-on-delivery orders, delivered between the shift's start and end (pickup needs a shift on
 * duty and going off duty needs nothing out, so every delivery falls inside one shift).
 */
export async function collectedInShift(
  client: Db | Tx,
  shift: { locationId: string; driverId: string; startedAt: Date; endedAt: Date | null },
): Promise<{ collectedCents: number; orders: number }> {
  const agg = await client.onlineOrder.aggregate({
    _sum: { collectedCents: true },
    _count: { _all: true },
    where: {
      locationId: shift.locationId,
      driverId: shift.driverId,
      status: "DELIVERED",
      payment: "CASH_ON_DELIVERY",
      deliveredAt: { gte: shift.startedAt, ...(shift.endedAt ? { lte: shift.endedAt } : {}) },
    },
  });
  return { collectedCents: agg._sum.collectedCents ?? 0, orders: agg._count._all };
}
