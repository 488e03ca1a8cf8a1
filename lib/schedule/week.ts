// Weeks, totals and overlaps of the schedule: pure rules shared by the use cases and the grid.
// A week is a business week: Monday's business-day cut-off (e.g. 04:00) in the location's time zone
// to the next Monday's, as the database trigger counts it (lib/time/business-day.ts).
import { TZDate } from "@date-fns/tz";
import { businessDateOf, businessWeekRange, weekStartOf, type DayRules } from "../time/business-day";
import { addDays, isoDate, localDateOf, parseIsoDate, zonedInstant, type LocalDate } from "../time/zoned";

export type { DayRules };

export type ShiftSpan = { userId: string; startsAt: Date; endsAt: Date };

/** Share of the weekly limit from which the grid warns ("near the limit"). */
export const NEAR_LIMIT_SHARE = 0.9;

/** Monday of the calendar week that holds `date`. */
export const mondayOf = weekStartOf;

/** Monday of the business week `instant` falls in. */
export function weekOf(instant: Date, rules: DayRules): LocalDate {
  return weekStartOf(businessDateOf(instant, rules));
}

/** The instants a business week spans: [Monday at the cut-off, next Monday at the cut-off). */
export function weekBounds(monday: LocalDate, rules: DayRules): { from: Date; to: Date } {
  const { start, end } = businessWeekRange(monday, rules);
  return { from: start, to: end };
}

export function weekDays(monday: LocalDate): LocalDate[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** "2026-11-30" → its Monday as an ISO date (any day of the week names the week). */
export function normaliseWeek(iso: string): string {
  return isoDate(mondayOf(parseIsoDate(iso)));
}

/** Minutes of `span` inside [from, to). */
export function minutesWithin(span: { startsAt: Date; endsAt: Date }, from: Date, to: Date): number {
  const start = Math.max(span.startsAt.getTime(), from.getTime());
  const end = Math.min(span.endsAt.getTime(), to.getTime());
  return end > start ? Math.round((end - start) / 60_000) : 0;
}

/** Scheduled minutes per person inside [from, to). */
export function totalsByUser(shifts: readonly ShiftSpan[], from: Date, to: Date): Map<string, number> {
  const totals = new Map<string, number>();
  for (const s of shifts) {
    const m = minutesWithin(s, from, to);
    if (m > 0) totals.set(s.userId, (totals.get(s.userId) ?? 0) + m);
  }
  return totals;
}

export type LimitLevel = "ok" | "near" | "over";

export function limitLevel(minutes: number, limitMinutes: number): LimitLevel {
  if (minutes > limitMinutes) return "over";
  return minutes >= limitMinutes * NEAR_LIMIT_SHARE ? "near" : "ok";
}

/** Half-open intervals: a shift ending at 16:00 and one starting at 16:00 do not overlap (as tsrange). */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** The first of `existing` (same person, another id) that `candidate` overlaps, or null. */
export function findOverlap<T extends ShiftSpan & { id?: string }>(
  existing: readonly T[],
  candidate: ShiftSpan & { id?: string },
): T | null {
  return (
    existing.find(
      (s) => s.userId === candidate.userId && (candidate.id == null || s.id !== candidate.id) && overlaps(s, candidate),
    ) ?? null
  );
}

/** The same wall-clock time `days` later in `timeZone` (copying a week keeps 09:00 at 09:00 across DST). */
export function shiftWallClock(instant: Date, days: number, timeZone: string): Date {
  const z = new TZDate(instant.getTime(), timeZone);
  return zonedInstant(addDays(localDateOf(instant, timeZone), days), z.getHours(), z.getMinutes(), timeZone);
}

/** Local "HH:MM" of an instant. */
export function localTimeOf(instant: Date, timeZone: string): string {
  const z = new TZDate(instant.getTime(), timeZone);
  return `${String(z.getHours()).padStart(2, "0")}:${String(z.getMinutes()).padStart(2, "0")}`;
}

/** Minutes after local midnight of `instant` (0–1439). */
export function localMinutesOf(instant: Date, timeZone: string): number {
  const z = new TZDate(instant.getTime(), timeZone);
  return z.getHours() * 60 + z.getMinutes();
}

/**
 * A shift drawn on a business day from "HH:MM" to "HH:MM". A start before the cut-off hour is the
 * next calendar morning (still that business day); an end at or before the start is the morning
 * after the start (a closing shift 18:00–02:00).
 */
export function spanOnDay(
  day: LocalDate,
  start: string,
  end: string,
  rules: DayRules,
): { startsAt: Date; endsAt: Date } {
  const [sh, sm] = start.split(":").map(Number);
  const [eh, em] = end.split(":").map(Number);
  const startDay = sh < rules.cutoffHour ? addDays(day, 1) : day;
  const overnight = eh * 60 + em <= sh * 60 + sm;
  return {
    startsAt: zonedInstant(startDay, sh, sm, rules.timeZone),
    endsAt: zonedInstant(overnight ? addDays(startDay, 1) : startDay, eh, em, rules.timeZone),
  };
}

/** "7 h 30 min", "8 h", "45 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (minutes === 0) return "0 h";
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
