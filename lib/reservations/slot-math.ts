// Availability and pacing, pure: which slots of a local day can take a party, and on which
// tables. The use cases load the day in one query and ask these functions (ADR 0029).
import { TZDate } from "@date-fns/tz";
import { zonedInstant, type LocalDate } from "../time/zoned";

export type SlotTable = {
  id: string;
  label: string;
  seats: number;
  areaId: string;
  posX: number;
  posY: number;
  width: number;
  height: number;
};

/** An active booking (it holds its tables from startsAt to endsAt). */
export type SlotBooking = {
  reservationId: string;
  startsAt: Date;
  endsAt: Date;
  partySize: number;
  tableIds: string[];
};

export type SlotPeriod = {
  id: string;
  name: string;
  daysOfWeek: number[];
  startMinute: number;
  endMinute: number;
  slotMinutes: number;
  maxCoversPerSlot: number;
  maxPartiesPerSlot: number;
};

/** One or more tables seated together; `seats` is their sum. */
export type Combo = { tables: SlotTable[]; seats: number };

export type SlotRefusal = "PAST" | "COVERS_FULL" | "PARTIES_FULL" | "NO_TABLE";

export const REFUSAL_TEXT: Record<SlotRefusal, string> = {
  PAST: "This time has passed",
  COVERS_FULL: "The kitchen's pace for this slot is full (covers)",
  PARTIES_FULL: "The kitchen's pace for this slot is full (parties)",
  NO_TABLE: "No table or table combination is free for the whole stay",
};

/** Largest combination the host stand joins; more than three tables is a private event. */
export const MAX_COMBO_TABLES = 3;

/**
 * Two tables of one area can be pushed together when their boxes touch or leave at most one
 * grid cell between them, side by side (not corner to corner).
 */
export function areAdjacent(a: SlotTable, b: SlotTable): boolean {
  if (a.id === b.id || a.areaId !== b.areaId) return false;
  const gapX = Math.max(a.posX - (b.posX + b.width), b.posX - (a.posX + a.width));
  const gapY = Math.max(a.posY - (b.posY + b.height), b.posY - (a.posY + a.height));
  return (gapX >= 0 && gapX <= 1 && gapY < 0) || (gapY >= 0 && gapY <= 1 && gapX < 0);
}

function comboOf(tables: SlotTable[]): Combo {
  const sorted = [...tables].sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  return { tables: sorted, seats: sorted.reduce((n, t) => n + t.seats, 0) };
}

/** Every single table, adjacent pair and connected trio (each once). */
export function allCombos(tables: readonly SlotTable[]): Combo[] {
  const out: Combo[] = tables.map((t) => comboOf([t]));
  const keys = new Set<string>();
  const add = (ts: SlotTable[]) => {
    const key = ts
      .map((t) => t.id)
      .sort()
      .join("+");
    if (keys.has(key)) return;
    keys.add(key);
    out.push(comboOf(ts));
  };
  const pairs: [SlotTable, SlotTable][] = [];
  for (let i = 0; i < tables.length; i++)
    for (let j = i + 1; j < tables.length; j++)
      if (areAdjacent(tables[i], tables[j])) pairs.push([tables[i], tables[j]]);
  for (const p of pairs) add(p);
  if (MAX_COMBO_TABLES >= 3) {
    for (const [a, b] of pairs)
      for (const c of tables)
        if (c.id !== a.id && c.id !== b.id && (areAdjacent(a, c) || areAdjacent(b, c))) add([a, b, c]);
  }
  return out;
}

/**
 * The combinations that can take the party, best first: single tables before combinations,
 * then fewest spare seats, then fewest tables, then by label (stable proposals).
 */
export function fittingCombos(combos: readonly Combo[], partySize: number): Combo[] {
  const label = (c: Combo) => c.tables.map((t) => t.label).join("+");
  return combos
    .filter((c) => c.seats >= partySize)
    .sort(
      (a, b) =>
        Number(a.tables.length > 1) - Number(b.tables.length > 1) ||
        a.seats - b.seats ||
        a.tables.length - b.tables.length ||
        label(a).localeCompare(label(b), undefined, { numeric: true }),
    );
}

/** The largest party any table or combination seats (0 without tables). */
export function largestParty(combos: readonly Combo[]): number {
  return combos.reduce((n, c) => Math.max(n, c.seats), 0);
}

/** The tables busy at some moment of [start, end) (half-open, as the database's ranges). */
export function busyTables(bookings: readonly SlotBooking[], start: Date, end: Date, exceptReservationId?: string) {
  const busy = new Set<string>();
  for (const b of bookings) {
    if (b.reservationId === exceptReservationId) continue;
    if (b.startsAt < end && start < b.endsAt) for (const id of b.tableIds) busy.add(id);
  }
  return busy;
}

/** The best free combination for the whole stay, or null. */
export function chooseTables(
  fitting: readonly Combo[],
  bookings: readonly SlotBooking[],
  start: Date,
  end: Date,
  exceptReservationId?: string,
): Combo | null {
  const busy = busyTables(bookings, start, end, exceptReservationId);
  return fitting.find((c) => c.tables.every((t) => !busy.has(t.id))) ?? null;
}

/** Covers and parties already starting in the slot [slotStart, slotStart + slotMinutes). */
export function slotLoad(
  bookings: readonly SlotBooking[],
  slotStart: Date,
  slotMinutes: number,
  exceptReservationId?: string,
): { covers: number; parties: number } {
  const end = slotStart.getTime() + slotMinutes * 60_000;
  let covers = 0;
  let parties = 0;
  for (const b of bookings) {
    if (b.reservationId === exceptReservationId) continue;
    const t = b.startsAt.getTime();
    if (t >= slotStart.getTime() && t < end) {
      covers += b.partySize;
      parties += 1;
    }
  }
  return { covers, parties };
}

/** 0 = Sunday … 6 = Saturday of a calendar date. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export type SlotStart = { minute: number; startsAt: Date; period: SlotPeriod };

/** The slots of a local day, in time order; where periods overlap, the earlier-starting one owns the slot. */
export function slotStarts(periods: readonly SlotPeriod[], date: LocalDate, timeZone: string): SlotStart[] {
  const weekday = weekdayOf(date);
  const seen = new Map<number, SlotStart>();
  const open = periods.filter((p) => p.daysOfWeek.includes(weekday)).sort((a, b) => a.startMinute - b.startMinute);
  for (const period of open) {
    for (let minute = period.startMinute; minute < period.endMinute; minute += period.slotMinutes) {
      if (seen.has(minute)) continue;
      seen.set(minute, {
        minute,
        startsAt: zonedInstant(date, Math.floor(minute / 60), minute % 60, timeZone),
        period,
      });
    }
  }
  return [...seen.values()].sort((a, b) => a.minute - b.minute);
}

/** The local date and minute of the day of an instant. */
export function localMinuteOf(instant: Date, timeZone: string): { date: LocalDate; minute: number } {
  const z = new TZDate(instant.getTime(), timeZone);
  return {
    date: { y: z.getFullYear(), m: z.getMonth() + 1, d: z.getDate() },
    minute: z.getHours() * 60 + z.getMinutes(),
  };
}

/** The period whose hours hold a start time (a booking's start may fall between slot marks), or null. */
export function periodAt(periods: readonly SlotPeriod[], instant: Date, timeZone: string): SlotPeriod | null {
  const { date, minute } = localMinuteOf(instant, timeZone);
  const weekday = weekdayOf(date);
  return (
    periods
      .filter((p) => p.daysOfWeek.includes(weekday) && minute >= p.startMinute && minute < p.endMinute)
      .sort((a, b) => a.startMinute - b.startMinute)[0] ?? null
  );
}

/** The start of the pacing slot holding `instant` within its period. */
export function slotStartOf(period: SlotPeriod, instant: Date, timeZone: string): Date {
  const { date, minute } = localMinuteOf(instant, timeZone);
  const m = period.startMinute + Math.floor((minute - period.startMinute) / period.slotMinutes) * period.slotMinutes;
  return zonedInstant(date, Math.floor(m / 60), m % 60, timeZone);
}

export type SlotVerdict = { bookable: true; combo: Combo } | { bookable: false; reason: SlotRefusal };

/** Whether a party can start at `startsAt` (in `period`): not past, within pacing, tables free for the stay. */
export function judgeSlot(args: {
  startsAt: Date;
  slotStart: Date;
  period: SlotPeriod;
  partySize: number;
  durationMinutes: number;
  now: Date;
  bookings: readonly SlotBooking[];
  fitting: readonly Combo[];
  exceptReservationId?: string;
}): SlotVerdict {
  if (args.startsAt.getTime() < args.now.getTime()) return { bookable: false, reason: "PAST" };
  const load = slotLoad(args.bookings, args.slotStart, args.period.slotMinutes, args.exceptReservationId);
  if (load.covers + args.partySize > args.period.maxCoversPerSlot) return { bookable: false, reason: "COVERS_FULL" };
  if (load.parties + 1 > args.period.maxPartiesPerSlot) return { bookable: false, reason: "PARTIES_FULL" };
  const end = new Date(args.startsAt.getTime() + args.durationMinutes * 60_000);
  const combo = chooseTables(args.fitting, args.bookings, args.startsAt, end, args.exceptReservationId);
  return combo ? { bookable: true, combo } : { bookable: false, reason: "NO_TABLE" };
}
