// The time clock's pure rules: late/early flags against the schedule, worked minutes, the weekly
// overtime split and labour cost. No database, no clock: everything is passed in.
import { businessDateOf, weekStartOf, type DayRules } from "../time/business-day";
import { isoDate } from "../time/zoned";

/** Clocking in more than this many minutes after the shift's start is late (and before it, early). */
export const LATE_GRACE_MINUTES = 5;
/** Overtime is paid at time and a half: cost = rate × 3/2. */
export const OVERTIME_NUMERATOR = 3;
export const OVERTIME_DENOMINATOR = 2;

const MINUTE = 60_000;

export type ShiftTimes = { startsAt: Date; endsAt: Date };
export type PunchFlags = { lateIn: boolean; earlyIn: boolean; earlyOut: boolean; lateOut: boolean };
export type PunchFlag = keyof PunchFlags;

export const FLAG_LABELS: Record<PunchFlag, string> = {
  lateIn: "late in",
  earlyIn: "early in",
  earlyOut: "left early",
  lateOut: "left late",
};

/** Flags of a punch against its scheduled shift (none without a shift; no out-flags while open). */
export function punchFlags(
  punch: { clockInAt: Date; clockOutAt: Date | null },
  shift: ShiftTimes | null,
  graceMinutes = LATE_GRACE_MINUTES,
): PunchFlags {
  const none = { lateIn: false, earlyIn: false, earlyOut: false, lateOut: false };
  if (!shift) return none;
  const grace = graceMinutes * MINUTE;
  const inDelta = punch.clockInAt.getTime() - shift.startsAt.getTime();
  const outDelta = punch.clockOutAt ? punch.clockOutAt.getTime() - shift.endsAt.getTime() : 0;
  return {
    lateIn: inDelta > grace,
    earlyIn: inDelta < -grace,
    earlyOut: punch.clockOutAt !== null && outDelta < -grace,
    lateOut: punch.clockOutAt !== null && outDelta > grace,
  };
}

export function flagList(flags: PunchFlags): PunchFlag[] {
  return (Object.keys(flags) as PunchFlag[]).filter((k) => flags[k]);
}

export type BreakSpan = { startedAt: Date; endedAt: Date | null; paid: boolean };
export type PunchSpan = { clockInAt: Date; clockOutAt: Date | null; breaks: readonly BreakSpan[] };

/**
 * Milliseconds worked in a punch: on the clock minus unpaid breaks (each clipped to the punch).
 * An open punch or break runs until `now`. Real elapsed time, so a night across a DST change
 * counts the hour the wall clock repeated or skipped.
 */
export function workedMs(punch: PunchSpan, now: Date): number {
  const start = punch.clockInAt.getTime();
  const end = Math.max(start, (punch.clockOutAt ?? now).getTime());
  let unpaid = 0;
  for (const b of punch.breaks) {
    if (b.paid) continue;
    const bs = Math.max(start, b.startedAt.getTime());
    const be = Math.min(end, (b.endedAt ?? now).getTime());
    if (be > bs) unpaid += be - bs;
  }
  return Math.max(0, end - start - unpaid);
}

/**
 * Milliseconds of a punch inside [from, to): for "labour so far today". Unpaid breaks inside the
 * window are left out.
 */
export function workedMsWithin(punch: PunchSpan, from: Date, to: Date): number {
  const clip = (d: Date) => new Date(Math.min(Math.max(d.getTime(), from.getTime()), to.getTime()));
  const clipped: PunchSpan = {
    clockInAt: clip(punch.clockInAt),
    clockOutAt: clip(punch.clockOutAt ?? to),
    breaks: punch.breaks.map((b) => ({ ...b, startedAt: clip(b.startedAt), endedAt: clip(b.endedAt ?? to) })),
  };
  return workedMs(clipped, to);
}

/** Whole minutes from milliseconds: rounded to the nearest minute, half up (30 s counts). */
export function toMinutes(ms: number): number {
  return Math.floor((ms + MINUTE / 2) / MINUTE);
}

/** A week's minutes split at the overtime threshold. */
export function splitOvertime(workedMinutes: number, thresholdMinutes: number): { regular: number; overtime: number } {
  const regular = Math.min(workedMinutes, thresholdMinutes);
  return { regular, overtime: workedMinutes - regular };
}

/**
 * Labour cost in integer cents of one person's week. The rounding rule, written down: the exact
 * cost (regular × rate + overtime × rate × 3/2) / 60 is computed in integers and rounded once, half
 * up, per person per week — never per punch — so totals are sums of the rows shown. Null rate → null.
 */
export function labourCostCents(
  minutes: { regular: number; overtime: number },
  hourlyRateCents: number | null,
): number | null {
  if (hourlyRateCents === null) return null;
  const numerator =
    minutes.regular * hourlyRateCents * OVERTIME_DENOMINATOR + minutes.overtime * hourlyRateCents * OVERTIME_NUMERATOR;
  const denominator = 60 * OVERTIME_DENOMINATOR;
  return Math.floor((numerator + denominator / 2) / denominator);
}

export type TimesheetPunch = PunchSpan & {
  id: string;
  userId: string;
  shift: ShiftTimes | null;
};

export type PersonWeek = {
  weekStart: string;
  workedMinutes: number;
  regularMinutes: number;
  overtimeMinutes: number;
  costCents: number | null;
};

export type PersonSheet = {
  userId: string;
  punches: number;
  flags: Record<PunchFlag, number>;
  weeks: PersonWeek[];
  workedMinutes: number;
  regularMinutes: number;
  overtimeMinutes: number;
  /** Null when the person has no hourly rate. */
  costCents: number | null;
};

/**
 * Per person: each punch belongs to the business week of its clock-in (a night past midnight stays
 * on the evening it started); each week is split at the threshold on its own, then summed.
 */
export function summarise(
  punches: readonly TimesheetPunch[],
  rates: ReadonlyMap<string, number | null>,
  rules: DayRules & { overtimeWeeklyMinutes: number },
  now: Date,
): Map<string, PersonSheet> {
  const byPersonWeek = new Map<string, Map<string, number>>();
  const sheets = new Map<string, PersonSheet>();
  for (const p of punches) {
    const week = isoDate(weekStartOf(businessDateOf(p.clockInAt, rules)));
    const weeks = byPersonWeek.get(p.userId) ?? new Map<string, number>();
    weeks.set(week, (weeks.get(week) ?? 0) + workedMs(p, now));
    byPersonWeek.set(p.userId, weeks);
    const sheet = sheets.get(p.userId) ?? emptySheet(p.userId);
    sheet.punches += 1;
    for (const f of flagList(punchFlags(p, p.shift))) sheet.flags[f] += 1;
    sheets.set(p.userId, sheet);
  }
  for (const [userId, weeks] of byPersonWeek) {
    const sheet = sheets.get(userId)!;
    const rate = rates.get(userId) ?? null;
    for (const [weekStart, ms] of [...weeks].sort(([a], [b]) => a.localeCompare(b))) {
      const workedMinutes = toMinutes(ms);
      const split = splitOvertime(workedMinutes, rules.overtimeWeeklyMinutes);
      const costCents = labourCostCents(split, rate);
      sheet.weeks.push({
        weekStart,
        workedMinutes,
        regularMinutes: split.regular,
        overtimeMinutes: split.overtime,
        costCents,
      });
      sheet.workedMinutes += workedMinutes;
      sheet.regularMinutes += split.regular;
      sheet.overtimeMinutes += split.overtime;
      sheet.costCents = costCents === null ? null : (sheet.costCents ?? 0) + costCents;
    }
  }
  return sheets;
}

function emptySheet(userId: string): PersonSheet {
  return {
    userId,
    punches: 0,
    flags: { lateIn: 0, earlyIn: 0, earlyOut: 0, lateOut: 0 },
    weeks: [],
    workedMinutes: 0,
    regularMinutes: 0,
    overtimeMinutes: 0,
    costCents: null,
  };
}

/** "7:45" for 465 minutes: hours and minutes, as payroll reads them. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? "-" : "";
  const m = Math.abs(minutes);
  return `${sign}${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}

/** Decimal hours with two places ("7.75"), for the CSV. */
export function decimalHours(minutes: number): string {
  return (minutes / 60).toFixed(2);
}
