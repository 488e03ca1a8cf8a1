// The reservation status machine, pure: the use cases, the REST layer and (later) the host stand
// read the same table. BOOKED → CONFIRMED → ARRIVED → SEATED → COMPLETED; CANCELLED and NO_SHOW
// end a booking that was never seated. ARRIVED and CONFIRMED are optional steps.
import type { ReservationStatus } from "@/generated/prisma/enums";

export const RESERVATION_STATUSES = [
  "BOOKED",
  "CONFIRMED",
  "ARRIVED",
  "SEATED",
  "COMPLETED",
  "CANCELLED",
  "NO_SHOW",
] as const satisfies readonly ReservationStatus[];

const NEXT: Record<ReservationStatus, readonly ReservationStatus[]> = {
  BOOKED: ["CONFIRMED", "ARRIVED", "SEATED", "CANCELLED", "NO_SHOW"],
  CONFIRMED: ["ARRIVED", "SEATED", "CANCELLED", "NO_SHOW"],
  ARRIVED: ["SEATED", "CANCELLED"],
  SEATED: ["COMPLETED"],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
};

/** Statuses in which a booking holds its tables (ReservationTable.active; the trigger agrees). */
export const HOLDING_STATUSES = [
  "BOOKED",
  "CONFIRMED",
  "ARRIVED",
  "SEATED",
] as const satisfies readonly ReservationStatus[];

export function canMoveTo(from: ReservationStatus, to: ReservationStatus): boolean {
  return NEXT[from].includes(to);
}

/** The statuses from which `to` can be reached (the guarded UPDATE's WHERE). */
export function statusesLeadingTo(to: ReservationStatus): ReservationStatus[] {
  return RESERVATION_STATUSES.filter((s) => canMoveTo(s, to));
}

/** Time, party and tables can still change while the party has not sat down. */
export function isEditable(status: ReservationStatus): boolean {
  return status === "BOOKED" || status === "CONFIRMED" || status === "ARRIVED";
}

const WORDS: Record<ReservationStatus, string> = {
  BOOKED: "booked",
  CONFIRMED: "confirmed",
  ARRIVED: "arrived",
  SEATED: "seated",
  COMPLETED: "completed",
  CANCELLED: "cancelled",
  NO_SHOW: "a no-show",
};

export function transitionRefusal(from: ReservationStatus, to: ReservationStatus): string {
  return `This reservation is ${WORDS[from]}; it cannot be marked ${WORDS[to]}`;
}

/** The timestamp column each status sets when reached. */
export const STATUS_STAMP = {
  CONFIRMED: "confirmedAt",
  ARRIVED: "arrivedAt",
  SEATED: "seatedAt",
  COMPLETED: "completedAt",
  CANCELLED: "cancelledAt",
  NO_SHOW: "noShowAt",
} as const satisfies Partial<Record<ReservationStatus, string>>;
