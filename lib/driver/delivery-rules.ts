// What a driver may do at the door. Pure: the use cases enforce it, the app shows it.
import type { OnlinePayment } from "@/generated/prisma/enums";
import type { FailureReason } from "./schemas";

/** What the driver takes at the door (cash or card): what the order still owes. Pickups pay at the counter. */
export function amountToCollect(payment: OnlinePayment, dueCents: number, paidCents: number): number {
  if (payment === "PAY_AT_PICKUP") return 0;
  return Math.max(0, dueCents - paidCents);
}

/** How the order is paid at the door unless the driver says otherwise. */
export function defaultDoorTender(payment: OnlinePayment): "CASH" | "CARD" {
  return payment === "CARD_ON_DELIVERY" ? "CARD" : "CASH";
}

/** A refused or unanswered cash order counts against the customer (the block suggestion). */
export function countsAsCodFailure(payment: OnlinePayment, reason: FailureReason): boolean {
  return payment === "CASH_ON_DELIVERY" && (reason === "REFUSED" || reason === "NO_ANSWER");
}

export function failureReasonLabel(reason: string): string {
  switch (reason) {
    case "REFUSED":
      return "Refused";
    case "NO_ANSWER":
      return "No answer";
    case "WRONG_ADDRESS":
      return "Wrong address";
    default:
      return "Other";
  }
}

/** "REFUSED" or "OTHER: gate locked": stored on the order, read back by the report. */
export function failedReasonText(reason: FailureReason, note?: string): string {
  const n = note?.trim();
  return n ? `${reason}: ${n}` : reason;
}

/** The reason code of a stored failedReason. */
export function failureReasonOf(stored: string | null): FailureReason {
  const code = (stored ?? "").split(":")[0];
  return code === "REFUSED" || code === "NO_ANSWER" || code === "WRONG_ADDRESS" ? code : "OTHER";
}

/** The phone's map app: directions to the coordinates, or else to the address text. */
export function navigateUrl(lat: number | null, lng: number | null, address: string): string {
  const destination = lat !== null && lng !== null ? `${lat},${lng}` : address;
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}`;
}
