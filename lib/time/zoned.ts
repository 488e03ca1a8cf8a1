// Wall-clock arithmetic in a location's time zone, through @date-fns/tz (IANA rules, DST-safe).
// Every "local day", "local hour" or "wall-clock time → instant" goes through here.
import { TZDate } from "@date-fns/tz";

export type LocalDate = { y: number; m: number; d: number };

/** The calendar date in `timeZone` at `instant` (month 1–12). */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const z = new TZDate(instant.getTime(), timeZone);
  return { y: z.getFullYear(), m: z.getMonth() + 1, d: z.getDate() };
}

/**
 * The instant the wall clock in `timeZone` shows `date` at hour:minute. A time skipped by a
 * spring-forward gap resolves to the moment after the gap (02:30 → 03:30 in New York).
 */
export function zonedInstant(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  return new Date(new TZDate(date.y, date.m - 1, date.d, hour, minute, 0, 0, timeZone).getTime());
}

/** Local midnight of the day `instant` falls on, as an instant. */
export function startOfLocalDay(timeZone: string, instant = new Date()): Date {
  return zonedInstant(localDateOf(instant, timeZone), 0, 0, timeZone);
}

/** Local midnight of the following day: a local day lasts 23, 24 or 25 hours. */
export function startOfNextLocalDay(timeZone: string, instant = new Date()): Date {
  const { y, m, d } = localDateOf(instant, timeZone);
  return zonedInstant(addDays({ y, m, d }, 1), 0, 0, timeZone);
}

/** The local hour (0–23) of `instant`. */
export function localHourOf(instant: Date, timeZone: string): number {
  return new TZDate(instant.getTime(), timeZone).getHours();
}

/** Calendar arithmetic on dates without a time (no zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function parseIsoDate(iso: string): LocalDate {
  const [y, m, d] = iso.split("-").map(Number);
  return { y, m, d };
}

export function isoDate(date: LocalDate): string {
  return `${String(date.y).padStart(4, "0")}-${String(date.m).padStart(2, "0")}-${String(date.d).padStart(2, "0")}`;
}

/**
 * `instant` as the wall clock in `timeZone` shows it, with the zone's abbreviation so nobody
 * mistakes it for their own time: "2026-07-01 09:30 EDT" (UTC offset where there is no name).
 */
export function formatZonedDateTime(instant: Date, timeZone: string): string {
  const z = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())} ${pad(z.getHours())}:${pad(z.getMinutes())} ${zoneAbbreviation(instant, timeZone)}`;
}

/** "EST" / "EDT", "UTC", or "GMT+5:30" where English has no short name. */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}
