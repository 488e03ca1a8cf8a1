// Is a menu item on the menu right now? Pure, so the order pad and the server agree and the
// rules are unit-tested. Times are in the location's timezone.
//
// - Seasonal range: `seasonalFrom`/`seasonalTo` are calendar dates (inclusive) compared with
//   the location's local date; either bound may be absent.
// - Windows: an item linked to no window is available all day; otherwise at least one window
//   must match. A window lists days of week (0 = Sunday … 6 = Saturday) and minutes after
//   midnight [startMinute, endMinute). When endMinute ≤ startMinute the window runs past
//   midnight: it then also covers [0, endMinute) of the day after a listed day.

export type WindowRule = { daysOfWeek: number[]; startMinute: number; endMinute: number };

export type AvailabilityRule = {
  seasonalFrom?: Date | string | null;
  seasonalTo?: Date | string | null;
  windows: WindowRule[];
};

export type LocalTime = { date: string; dayOfWeek: number; minute: number };

const WEEKDAY: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date, weekday and minute of `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    dayOfWeek: WEEKDAY[parts.weekday] ?? 0,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** YYYY-MM-DD of a DATE column (stored as UTC midnight) or a date string. */
function dayOf(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export function inSeason(rule: Pick<AvailabilityRule, "seasonalFrom" | "seasonalTo">, localDate: string): boolean {
  if (rule.seasonalFrom && localDate < dayOf(rule.seasonalFrom)) return false;
  if (rule.seasonalTo && localDate > dayOf(rule.seasonalTo)) return false;
  return true;
}

export function windowMatches(w: WindowRule, t: Pick<LocalTime, "dayOfWeek" | "minute">): boolean {
  const wraps = w.endMinute <= w.startMinute;
  if (!wraps) return w.daysOfWeek.includes(t.dayOfWeek) && t.minute >= w.startMinute && t.minute < w.endMinute;
  if (w.daysOfWeek.includes(t.dayOfWeek) && t.minute >= w.startMinute) return true;
  const yesterday = (t.dayOfWeek + 6) % 7;
  return w.daysOfWeek.includes(yesterday) && t.minute < w.endMinute;
}

export function isAvailable(rule: AvailabilityRule, at: Date, timeZone: string): boolean {
  const t = localTime(at, timeZone);
  if (!inSeason(rule, t.date)) return false;
  return rule.windows.length === 0 || rule.windows.some((w) => windowMatches(w, t));
}
