// What the host sees of a table, pure (the plan's colours and legend import it too).

export const HOST_STATES = [
  "FREE",
  "RESERVED_SOON",
  "SEATED",
  "ORDERED",
  "FOOD_READY",
  "CHECK_PAID",
  "NEEDS_BUSSING",
] as const;
export type HostState = (typeof HOST_STATES)[number];

/** A free table turns "reserved soon" this long before its next booking. */
export const RESERVED_SOON_MINUTES = 45;

type OrderLike = { status: string; paymentState: string } | null;

/**
 * The party's progress decides while an order is open (paid beats food ready beats ordered);
 * without one, a table waiting to be cleared, then one whose booking starts soon, else free.
 * A table joined to another takes its primary's order and status.
 */
export function hostStateOf(table: { status: string }, order: OrderLike, reservedSoon: boolean): HostState {
  if (order) {
    if (order.paymentState === "PAID") return "CHECK_PAID";
    if (table.status === "FOOD_READY" || order.status === "READY") return "FOOD_READY";
    if (["SENT", "IN_PROGRESS", "SERVED"].includes(order.status)) return "ORDERED";
    return "SEATED";
  }
  if (table.status === "NEEDS_BUSSING") return "NEEDS_BUSSING";
  return reservedSoon ? "RESERVED_SOON" : "FREE";
}
