// Where an online order may go next. Pure: the kitchen hook, the dispatch board, the driver app
// and the tracking page all read it.
import type { OnlineOrderStatus, OrderSource } from "@/generated/prisma/enums";

const NEXT: Record<OnlineOrderStatus, readonly OnlineOrderStatus[]> = {
  RECEIVED: ["IN_KITCHEN", "CANCELLED"],
  IN_KITCHEN: ["READY", "CANCELLED"],
  READY: ["OUT_FOR_DELIVERY", "PICKED_UP", "CANCELLED"],
  OUT_FOR_DELIVERY: ["DELIVERED", "FAILED"],
  DELIVERED: [],
  PICKED_UP: [],
  FAILED: [],
  CANCELLED: [],
};

/** Whether an online order of this source may move from one status to another. */
export function canMoveOnline(source: OrderSource, from: OnlineOrderStatus, to: OnlineOrderStatus): boolean {
  if (!NEXT[from].includes(to)) return false;
  if (to === "OUT_FOR_DELIVERY" || to === "DELIVERED" || to === "FAILED") return source === "DELIVERY";
  if (to === "PICKED_UP") return source === "PICKUP";
  return true;
}

export const ONLINE_FINAL: readonly OnlineOrderStatus[] = ["DELIVERED", "PICKED_UP", "FAILED", "CANCELLED"];

/** The customer's words for each step (tracking page, notifications). */
export function onlineStatusLabel(source: OrderSource, status: OnlineOrderStatus): string {
  switch (status) {
    case "RECEIVED":
      return "Order received";
    case "IN_KITCHEN":
      return "In the kitchen";
    case "READY":
      return source === "PICKUP" ? "Ready for pickup" : "Ready, waiting for a driver";
    case "OUT_FOR_DELIVERY":
      return "Out for delivery";
    case "DELIVERED":
      return "Delivered";
    case "PICKED_UP":
      return "Collected";
    case "FAILED":
      return "Delivery failed";
    case "CANCELLED":
      return "Cancelled";
  }
}
