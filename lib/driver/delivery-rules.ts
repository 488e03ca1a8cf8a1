// What a driver may do at the door. Pure: the use cases enforce it, the app shows it.
import type { OnlinePayment } from "@/generated/prisma/enums";
import type { FailureReason } from "./schemas";

/** Cash the driver must take at the door: what the order still owes, for cash on delivery only. */
export function amountToCollect(payment: OnlinePayment, dueCents: number, paidCents: number): number {
  if (payment !== "CASH_ON_DELIVERY") return 0;
  return Math.max(0, dueCents - paidCents);
}

/** Why the cash typed at the door cannot be accepted, or null. */
export function collectedProblem(
  payment: OnlinePayment,
  dueCents: number,
  collectedCents: number | undefined,
): string | null {
  if (payment !== "CASH_ON_DELIVERY") return null;
  if (collectedCents === undefined) return "Enter the cash you collected";
  if (collectedCents < dueCents) return "Less than the amount due; collect the full amount or mark the delivery failed";
  return null;
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
