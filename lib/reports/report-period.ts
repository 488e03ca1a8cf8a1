// The period every report covers: a preset (today, last week, …) or custom dates, resolved to
// business dates in the location's time zone and cut-off, plus the period before it to compare.
// Pure: the caller passes the location's rules and "now".
import { z } from "zod";
import { businessDateOf, businessDayRange, isoWeekday, type DayRules } from "../time/business-day";
import { addDays, isoDate, parseIsoDate, type LocalDate } from "../time/zoned";

export const MAX_PERIOD_DAYS = 366;

export const REPORT_PRESETS = [
  "today",
  "yesterday",
  "this-week",
  "last-week",
  "this-month",
  "last-month",
  "last-28-days",
  "custom",
] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

export const PRESET_LABEL: Record<ReportPreset, string> = {
  today: "Today",
  yesterday: "Yesterday",
  "this-week": "This week",
  "last-week": "Last week",
  "this-month": "This month",
  "last-month": "Last month",
  "last-28-days": "Last 28 days",
  custom: "Custom",
};

const reportDate = z.iso
  .date("Use a date like 2026-11-30")
  .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", "Choose a date between 2000 and 2099");

/** Query fields every report accepts; reports extend it with their own (groupBy, stationId, …). */
export const reportPeriodFields = {
  preset: z.enum(REPORT_PRESETS, { error: `One of ${REPORT_PRESETS.join(", ")}` }).optional(),
  from: reportDate.optional(),
  to: reportDate.optional(),
  /** "none" turns the comparison with the previous period off. */
  compare: z.enum(["previous", "none"], { error: "previous or none" }).optional(),
  /** For browser links, which cannot send `Accept: text/csv`. */
  format: z.enum(["json", "csv"], { error: "json or csv" }).optional(),
};

type PeriodFields = { preset?: ReportPreset; from?: string; to?: string };

/** Cross-field rules for a schema built from `reportPeriodFields` (use in `.superRefine`). */
export function checkPeriodFields(p: PeriodFields, c: z.RefinementCtx): void {
  const custom = p.preset === "custom" || (!p.preset && (p.from || p.to));
  if (p.preset && p.preset !== "custom" && (p.from || p.to))
    c.addIssue({ code: "custom", path: ["preset"], message: "Give a preset or dates, not both" });
  if (custom && (!p.from || !p.to))
    c.addIssue({ code: "custom", path: [p.from ? "to" : "from"], message: "Give both the first and the last date" });
  if (p.from && p.to && p.from > p.to)
    c.addIssue({ code: "custom", path: ["from"], message: "Must be on or before the last date" });
  if (p.from && p.to && Date.parse(p.to) - Date.parse(p.from) >= MAX_PERIOD_DAYS * 86_400_000)
    c.addIssue({ code: "custom", path: ["to"], message: `At most ${MAX_PERIOD_DAYS} days` });
}

export const reportPeriodSchema = z.object(reportPeriodFields).superRefine(checkPeriodFields);
export type ReportPeriodInput = z.input<typeof reportPeriodSchema>;

export type DateSpan = {
  /** First and last business date, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The instants the span covers: [from's cut-off, the day after to's cut-off). */
  start: Date;
  end: Date;
  days: number;
};

export type ReportPeriod = DateSpan & {
  preset: ReportPreset;
  label: string;
  /** The span just before, as long as this one (the calendar month before for month presets). */
  previous: DateSpan | null;
  timeZone: string;
  cutoffHour: number;
};

function span(from: LocalDate, to: LocalDate, rules: DayRules): DateSpan {
  const f = isoDate(from);
  const t = isoDate(to);
  return {
    from: f,
    to: t,
    start: businessDayRange(from, rules).start,
    end: businessDayRange(to, rules).end,
    days: Math.round((Date.parse(t) - Date.parse(f)) / 86_400_000) + 1,
  };
}

const monthStart = (d: LocalDate): LocalDate => ({ y: d.y, m: d.m, d: 1 });
const monthEnd = (d: LocalDate): LocalDate => addDays(d.m === 12 ? { y: d.y + 1, m: 1, d: 1 } : { y: d.y, m: d.m + 1, d: 1 }, -1);
const previousMonth = (d: LocalDate): LocalDate => (d.m === 1 ? { y: d.y - 1, m: 12, d: 1 } : { y: d.y, m: d.m - 1, d: 1 });

/** The dates a preset covers on the business date `today`. */
export function presetDates(preset: Exclude<ReportPreset, "custom">, today: LocalDate): [LocalDate, LocalDate] {
  const monday = addDays(today, 1 - isoWeekday(today));
  switch (preset) {
    case "today":
      return [today, today];
    case "yesterday":
      return [addDays(today, -1), addDays(today, -1)];
    case "this-week":
      return [monday, today];
    case "last-week":
      return [addDays(monday, -7), addDays(monday, -1)];
    case "this-month":
      return [monthStart(today), today];
    case "last-month": {
      const first = previousMonth(today);
      return [first, monthEnd(first)];
    }
    case "last-28-days":
      return [addDays(today, -28), addDays(today, -1)];
  }
}

/** Resolves a parsed period input; with no input, today (the current business day). */
export function resolvePeriod(
  input: PeriodFields & { compare?: "previous" | "none" },
  rules: DayRules,
  now = new Date(),
): ReportPeriod {
  const today = businessDateOf(now, rules);
  const preset: ReportPreset = input.preset ?? (input.from && input.to ? "custom" : "today");
  const [from, to] =
    preset === "custom" ? [parseIsoDate(input.from!), parseIsoDate(input.to!)] : presetDates(preset, today);
  const current = span(from, to, rules);
  let previous: DateSpan | null = null;
  if (input.compare !== "none") {
    if (preset === "this-month" || preset === "last-month") {
      // Month against month: this month so far against the same days of last month.
      const first = previousMonth(from);
      const last = preset === "last-month" ? monthEnd(first) : addDays(first, Math.min(current.days, monthEnd(first).d) - 1);
      previous = span(first, last, rules);
    } else {
      previous = span(addDays(from, -current.days), addDays(from, -1), rules);
    }
  }
  const label =
    current.from === current.to ? current.from : `${current.from} to ${current.to}`;
  return {
    ...current,
    preset,
    label: preset === "custom" ? label : `${PRESET_LABEL[preset]} · ${label}`,
    previous,
    timeZone: rules.timeZone,
    cutoffHour: rules.cutoffHour,
  };
}

/** Every business date of a span, in order. */
export function spanDates(s: Pick<DateSpan, "from" | "to">): string[] {
  const out: string[] = [];
  for (let d = parseIsoDate(s.from); isoDate(d) <= s.to; d = addDays(d, 1)) out.push(isoDate(d));
  return out;
}

/** Change from the previous period, as a fraction (0.12 = +12 %); null when there is nothing to compare. */
export function changeRatio(current: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** The query string that asks for this period again (links, CSV export). */
export function periodQuery(p: Pick<ReportPeriod, "preset" | "from" | "to">, compare?: "none"): string {
  const q = new URLSearchParams(p.preset === "custom" ? { from: p.from, to: p.to } : { preset: p.preset });
  if (compare) q.set("compare", compare);
  return q.toString();
}
