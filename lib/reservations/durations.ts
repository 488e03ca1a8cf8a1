// How long a party keeps its table, by size (Location.reservationDurations). Pure.
import { z } from "zod";

export const DEFAULT_DURATIONS: Record<string, number> = { "2": 90, "4": 105, "6": 120, "8": 150 };

/** { "2": 90, "4": 105 }: party sizes (1–50) as keys, minutes (15–480) as values. */
export const reservationDurationsSchema = z
  .record(
    z.string().regex(/^([1-9]|[1-4][0-9]|50)$/, "Party sizes are whole numbers from 1 to 50"),
    z.number().int().min(15, "At least 15 minutes").max(480, "At most 8 hours"),
  )
  .refine((m) => Object.keys(m).length > 0, "Give at least one duration");

/** The stored JSON, or the defaults when it is unreadable (a bad value never stops bookings). */
export function readDurations(json: unknown): Record<string, number> {
  const parsed = reservationDurationsSchema.safeParse(json);
  return parsed.success ? parsed.data : DEFAULT_DURATIONS;
}

/** The smallest listed party size that holds the party decides; beyond the largest, the largest. */
export function durationFor(partySize: number, durations: Record<string, number>): number {
  const sizes = Object.keys(durations)
    .map(Number)
    .sort((a, b) => a - b);
  const key = sizes.find((s) => s >= partySize) ?? sizes[sizes.length - 1];
  return durations[String(key)];
}
