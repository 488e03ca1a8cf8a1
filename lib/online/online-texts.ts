// The customer's texts, one per step of an online order. Pure (unit-tested); after-online-move sends them.
import type { OnlineOrderStatus, OrderSource } from "@/generated/prisma/enums";

export type TextFacts = {
  restaurant: string;
  orderNumber: number;
  /** Local "7:45 PM" of the promised time. */
  promisedTime: string;
  driverFirstName: string | null;
  trackUrl: string | null;
};

/** The text for reaching `to` (a new order is RECEIVED → RECEIVED); null: nothing to say. */
export function onlineStatusText(
  source: OrderSource,
  from: OnlineOrderStatus,
  to: OnlineOrderStatus,
  f: TextFacts,
): string | null {
  const track = f.trackUrl ? ` Follow it: ${f.trackUrl}` : "";
  const what = `${f.restaurant} order #${f.orderNumber}`;
  switch (to) {
    case "RECEIVED":
      return from === "RECEIVED"
        ? `${what} received. ${source === "DELIVERY" ? "Delivery" : "Pickup"} at about ${f.promisedTime}.${track}`
        : null;
    case "IN_KITCHEN":
      return `${what} is being prepared.${track}`;
    case "READY":
      return source === "PICKUP"
        ? `${what} is ready for pickup.`
        : `${what} is ready and waiting for a driver.${track}`;
    case "OUT_FOR_DELIVERY":
      return `${what} is on its way${f.driverFirstName ? ` with ${f.driverFirstName}` : ""}.${track}`;
    case "DELIVERED":
      return `${what} was delivered. Enjoy your meal!`;
    case "PICKED_UP":
      return null;
    case "FAILED":
      return `We could not deliver ${what}. Please call ${f.restaurant}.`;
    case "CANCELLED":
      return `${what} was cancelled. Please call ${f.restaurant} with any questions.`;
  }
}
