import "server-only";
import type { OnlineOrderStatus, OrderSource } from "@/generated/prisma/enums";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";
import { canMoveOnline, onlineStatusLabel } from "./online-status";

/** What moved, for what happens after the commit (tracking page, customer notification). */
export type OnlineMove = {
  orderId: string;
  locationId: string;
  source: OrderSource;
  from: OnlineOrderStatus;
  to: OnlineOrderStatus;
  trackingToken: string;
  customerId: string | null;
  driverId: string | null;
};

/** The timestamp each status stamps when reached. */
const STAMP: Partial<Record<OnlineOrderStatus, "firedAt" | "readyAt" | "pickedUpAt" | "deliveredAt" | "failedAt">> = {
  IN_KITCHEN: "firedAt",
  READY: "readyAt",
  OUT_FOR_DELIVERY: "pickedUpAt",
  DELIVERED: "deliveredAt",
  PICKED_UP: "deliveredAt",
  FAILED: "failedAt",
};

/**
 * Moves one online order to its next status inside the caller's transaction: the row is locked
 * (FOR UPDATE), the step checked against the status machine (lib/online/online-status.ts), the
 * step's timestamp stamped. Another location's order is indistinguishable from a missing one.
 * Call `afterOnlineMove` with the answer once the transaction has committed.
 * `ifAt`: do nothing (answer null) unless the order is still at that status — for hooks that may
 * run twice (the kitchen's last bump replayed, two screens racing).
 */
export async function moveOnlineOrder(
  tx: Tx,
  where: { locationId: string; orderId: string },
  to: OnlineOrderStatus,
  opts: {
    ifAt?: OnlineOrderStatus;
    now?: Date;
    patch?: { failedReason?: string | null; collectedCents?: number | null };
  } = {},
): Promise<OnlineMove | null> {
  const rows = await tx.$queryRaw<
    {
      orderId: string;
      locationId: string;
      status: OnlineOrderStatus;
      trackingToken: string;
      customerId: string | null;
      driverId: string | null;
      source: OrderSource;
    }[]
  >`SELECT oo."orderId", oo."locationId", oo.status, oo."trackingToken", oo."customerId", oo."driverId", o.source
      FROM "OnlineOrder" oo JOIN "Order" o ON o.id = oo."orderId"
     WHERE oo."orderId" = ${where.orderId} AND oo."locationId" = ${where.locationId}
       FOR UPDATE OF oo`;
  const row = rows[0];
  if (!row) throw notFound("Online order");
  if (opts.ifAt && row.status !== opts.ifAt) return null;
  if (row.status === to) return null;
  if (!canMoveOnline(row.source, row.status, to))
    throw new AppError(
      "INVALID_STATE",
      `This order is "${onlineStatusLabel(row.source, row.status)}"; it cannot become "${onlineStatusLabel(row.source, to)}".`,
    );
  const now = opts.now ?? new Date();
  const stamp = STAMP[to];
  await tx.onlineOrder.update({
    where: { orderId: row.orderId },
    data: { status: to, ...(stamp ? { [stamp]: now } : {}), ...opts.patch },
  });
  return {
    orderId: row.orderId,
    locationId: row.locationId,
    source: row.source,
    from: row.status,
    to,
    trackingToken: row.trackingToken,
    customerId: row.customerId,
    driverId: row.driverId,
  };
}
