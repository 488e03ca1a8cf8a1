// Purchase order life cycle (pure):
//   DRAFT → SENT → PARTIALLY_RECEIVED → RECEIVED;  DRAFT | SENT → CANCELLED (never after a receipt).
import type { Milli } from "./quantity";

export type PoStatus = "DRAFT" | "SENT" | "PARTIALLY_RECEIVED" | "RECEIVED" | "CANCELLED";

export const canEditLines = (s: PoStatus) => s === "DRAFT";
export const canSend = (s: PoStatus) => s === "DRAFT";
export const canReceive = (s: PoStatus) => s === "SENT" || s === "PARTIALLY_RECEIVED";
export const canCancel = (s: PoStatus) => s === "DRAFT" || s === "SENT";

/** After a delivery: RECEIVED once every line has at least what was ordered. */
export function statusAfterReceipt(
  lines: readonly { ordered: Milli; received: Milli }[],
): "PARTIALLY_RECEIVED" | "RECEIVED" {
  return lines.every((l) => l.received >= l.ordered) ? "RECEIVED" : "PARTIALLY_RECEIVED";
}

export function cancelRefusal(s: PoStatus): string | null {
  if (canCancel(s)) return null;
  if (s === "CANCELLED") return "This purchase order is already cancelled";
  return "Stock from this purchase order has been received; it can no longer be cancelled";
}
