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
  return isAvailableAtLocal(rule, localTime(at, timeZone));
}

/** When an item not on the menu now comes back, in the location's wall-clock time. */
export type NextAvailable = {
  /** 0 = later today, 1 = tomorrow, … */
  daysAhead: number;
  dayOfWeek: number;
  /** Minutes after local midnight. */
  minute: number;
};

/** A date string YYYY-MM-DD moved by `days` (calendar arithmetic; no time zone involved). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const LOOKAHEAD_DAYS = 7;

/**
 * The next local time at which `rule` makes the item available, looking a week ahead; null when
 * it is available now or not within the week (e.g. its season has ended). Availability can only
 * begin at a window's start or at midnight (a season starting, a window running past midnight),
 * so those are the only instants checked.
 */
export function nextAvailableAt(rule: AvailabilityRule, at: Date, timeZone: string): NextAvailable | null {
  const now = localTime(at, timeZone);
  if (isAvailableAtLocal(rule, now)) return null;
  const starts = [...new Set([0, ...rule.windows.map((w) => w.startMinute)])].sort((a, b) => a - b);
  for (let daysAhead = 0; daysAhead <= LOOKAHEAD_DAYS; daysAhead++) {
    const date = addDays(now.date, daysAhead);
    const dayOfWeek = (now.dayOfWeek + daysAhead) % 7;
    for (const minute of starts) {
      if (daysAhead === 0 && minute <= now.minute) continue;
      if (isAvailableAtLocal(rule, { date, dayOfWeek, minute })) return { daysAhead, dayOfWeek, minute };
    }
  }
  return null;
}

function isAvailableAtLocal(rule: AvailabilityRule, t: LocalTime): boolean {
  if (!inSeason(rule, t.date)) return false;
  return rule.windows.length === 0 || rule.windows.some((w) => windowMatches(w, t));
}

const DAY_SHORT = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "11:00" within the next 24 hours, else "Sat 10:00" (24-hour clock, the kitchen's habit). */
export function formatAvailableFrom(next: NextAvailable, now: Pick<LocalTime, "minute">): string {
  const hhmm = `${String(Math.floor(next.minute / 60)).padStart(2, "0")}:${String(next.minute % 60).padStart(2, "0")}`;
  const within24h = next.daysAhead === 0 || (next.daysAhead === 1 && next.minute <= now.minute);
  return within24h ? hhmm : `${DAY_SHORT[next.dayOfWeek]} ${hhmm}`;
}
