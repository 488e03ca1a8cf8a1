// The database is the authority on double-booking (exclusion constraint
// ReservationTable_no_double_booking): its refusal becomes a 409 with a field error, like
// lib/schedule/shift-db-errors.ts does for shifts.
import { sqlStateOf } from "../db-errors";
import { AppError } from "../errors";

export const DOUBLE_BOOKED = "A table is already booked at that time; pick another time or table";

function mentions(error: unknown, name: string, seen = new Set<unknown>()): boolean {
  if (!error || typeof error !== "object" || seen.has(error)) return false;
  seen.add(error);
  const o = error as Record<string, unknown>;
  for (const k of ["message", "originalMessage", "constraint"])
    if (typeof o[k] === "string" && (o[k] as string).includes(name)) return true;
  return ["cause", "meta", "driverAdapterError"].some((k) => mentions(o[k], name, seen));
}

export function doubleBookingError(): AppError {
  return new AppError("CONFLICT", DOUBLE_BOOKED, { tableIds: [DOUBLE_BOOKED], startsAt: [DOUBLE_BOOKED] });
}

/** The AppError a refused reservation write means, or null when the error is something else. */
export function reservationWriteError(error: unknown): AppError | null {
  const state = sqlStateOf(error);
  if (state === "23P01" && mentions(error, "ReservationTable_no_double_booking")) return doubleBookingError();
  if (state === "23514" && mentions(error, "ReservationTable_same_location"))
    return new AppError("VALIDATION", "Table not found", { tableIds: ["Table not found"] });
  return null;
}

/** Runs a reservation write; the database's refusals come back as field errors instead of a 500. */
export async function refusingDoubleBooking<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw reservationWriteError(error) ?? error;
  }
}
