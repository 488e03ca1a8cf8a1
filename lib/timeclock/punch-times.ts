import { z } from "zod";
import { parseIsoDate, zonedInstant } from "../time/zoned";

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;

/**
 * A punch time as a manager types it: the location's wall clock ("2026-11-30T09:00", what a
 * datetime-local field sends) or an exact instant with an offset ("2026-11-30T14:00:00Z").
 */
export const punchTimeSchema = z
  .string({ error: "Enter a date and time" })
  .trim()
  .min(1, "Enter a date and time")
  .max(40, "Enter a date and time like 2026-11-30T09:00")
  .refine((v) => LOCAL.test(v) || z.iso.datetime({ offset: true }).safeParse(v).success, {
    message: "Enter a date and time like 2026-11-30T09:00",
  });

/** The instant a punch time stands for at a location. */
export function punchInstant(value: string, timeZone: string): Date {
  const local = LOCAL.exec(value);
  if (!local) return new Date(value);
  const date = parseIsoDate(local[1]);
  if (date.m < 1 || date.m > 12 || date.d < 1 || date.d > 31) return new Date(NaN);
  return zonedInstant(date, Number(local[2]), Number(local[3]), timeZone);
}

/** What a datetime-local field shows for `instant` at a location ("2026-11-30T09:00"). */
export function localInputValue(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}
