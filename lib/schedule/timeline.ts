// The day timeline of the schedule: a business day drawn as minutes 0…1440 from the cut-off hour
// (04:00 → 04:00). Dragging snaps to 15 minutes; these pure rules turn positions into a shift's
// instants and back, shared by the grid and its tests.
import type { LocalDate } from "../time/zoned";
import { localMinutesOf, spanOnDay, type DayRules } from "./week";

export const SNAP_MINUTES = 15;
export const DAY_MINUTES = 24 * 60;

export type Offsets = { start: number; end: number };

/** A raw minute position, snapped to `step` and kept inside the day. */
export function snapMinutes(raw: number, step = SNAP_MINUTES): number {
  return Math.min(DAY_MINUTES, Math.max(0, Math.round(raw / step) * step));
}

/** Local "HH:MM" of a position on the business day. */
export function wallClockAt(offset: number, cutoffHour: number): string {
  const m = (((cutoffHour * 60 + offset) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** The shift a drag from `a` to `b` (either direction) draws on business day `day`. */
export function spanFromOffsets(day: LocalDate, a: number, b: number, rules: DayRules) {
  const [from, to] = a <= b ? [a, b] : [b, a];
  return spanOnDay(day, wallClockAt(from, rules.cutoffHour), wallClockAt(to, rules.cutoffHour), rules);
}

/** Where a shift sits on its business day's axis (its end cut at the day's end). */
export function offsetsOf(shift: { startsAt: Date; endsAt: Date }, rules: DayRules): Offsets {
  const local = localMinutesOf(shift.startsAt, rules.timeZone);
  const start = (local - rules.cutoffHour * 60 + DAY_MINUTES) % DAY_MINUTES;
  const length = Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000);
  return { start, end: Math.min(DAY_MINUTES, start + length) };
}

/** Drag one edge to `to`: the shift keeps at least one step and stays inside the day. */
export function resizeOffsets(orig: Offsets, edge: "start" | "end", to: number, step = SNAP_MINUTES): Offsets {
  return edge === "start"
    ? { start: Math.max(0, Math.min(to, orig.end - step)), end: orig.end }
    : { start: orig.start, end: Math.min(DAY_MINUTES, Math.max(to, orig.start + step)) };
}

/** Slide a shift by `delta` minutes, its length kept, inside the day. */
export function moveOffsets(orig: Offsets, delta: number): Offsets {
  const length = orig.end - orig.start;
  const start = Math.max(0, Math.min(DAY_MINUTES - length, orig.start + delta));
  return { start, end: start + length };
}
