// The host stand's timeline, pure: which stretch of the day it shows, where a booking's bar sits
// and which 15-minute cell a tap lands in. Minutes count from the viewed date's local midnight, so
// a booking running past midnight is simply beyond 1440.

export const STEP_MINUTES = 15;
/** Shown when the day has no service period and no booking (a closed day still gets a frame). */
const FALLBACK = { start: 11 * 60, end: 23 * 60 };
/** A stay can run 8 hours (the database's limit), so the frame may reach into the next morning. */
const LATEST_END = 24 * 60 + 8 * 60;

export type TimelineRange = { start: number; end: number };
export type Span = { start: number; end: number };

/** Minutes from `dayStart` (the date's local midnight, an instant) to `instant`. */
export function minuteOfDay(instant: Date | string, dayStart: Date): number {
  return Math.round((new Date(instant).getTime() - dayStart.getTime()) / 60_000);
}

/**
 * From the hour before the first period or booking to the hour after the last one ends, on whole
 * hours so the column headings read 17:00, 18:00… Bookings outside service hours still show.
 */
export function timelineRange(
  periods: readonly { startMinute: number; endMinute: number }[],
  bookings: readonly Span[],
): TimelineRange {
  const spans = [...periods.map((p) => ({ start: p.startMinute, end: p.endMinute })), ...bookings];
  if (spans.length === 0) return FALLBACK;
  const first = Math.min(...spans.map((s) => s.start));
  const last = Math.max(...spans.map((s) => s.end));
  const start = Math.max(0, Math.floor(first / 60) * 60);
  const end = Math.min(LATEST_END, Math.ceil(last / 60) * 60);
  return end > start ? { start, end } : FALLBACK;
}

/** The start minute of every 15-minute column. */
export function columns(range: TimelineRange): number[] {
  const out: number[] = [];
  for (let m = range.start; m < range.end; m += STEP_MINUTES) out.push(m);
  return out;
}

/** A bar's left edge and width in px, clipped to the frame; null when it lies wholly outside. */
export function barBox(span: Span, range: TimelineRange, stepPx: number): { left: number; width: number } | null {
  const start = Math.max(span.start, range.start);
  const end = Math.min(span.end, range.end);
  if (end <= start) return null;
  const px = stepPx / STEP_MINUTES;
  return { left: (start - range.start) * px, width: (end - start) * px };
}

/** The 15-minute cell under an x offset (px from the frame's left edge), kept inside the frame. */
export function minuteAt(x: number, range: TimelineRange, stepPx: number): number {
  const cell = Math.floor(x / stepPx);
  const last = Math.max(0, Math.ceil((range.end - range.start) / STEP_MINUTES) - 1);
  return range.start + Math.min(last, Math.max(0, cell)) * STEP_MINUTES;
}

/** Where the "now" line sits, or null when now is outside the frame (another day, before or after service). */
export function nowOffset(nowMinute: number, range: TimelineRange, stepPx: number): number | null {
  if (nowMinute < range.start || nowMinute > range.end) return null;
  return (nowMinute - range.start) * (stepPx / STEP_MINUTES);
}

/** "19:00" for a minute of the day (past midnight wraps: 1470 → "00:30"). */
export function clockText(minute: number): string {
  const m = ((minute % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
