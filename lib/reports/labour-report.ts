import "server-only";
import { z } from "zod";
import type { Role } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { toCsv } from "../csv/stringify";
import { businessDateOf, type DayRules } from "../time/business-day";
import { isoDate } from "../time/zoned";
import { labourCostCents, toMinutes, workedMs } from "../timeclock/timesheet-math";
import { sumBusinessDays } from "./end-of-day";
import { withDerived } from "./end-of-day-math";
import { reportScope } from "./report-context";
import { checkPeriodFields, reportPeriodFields, spanDates, type DateSpan } from "./report-period";

export const labourReportSchema = z
  .object({ ...reportPeriodFields, groupBy: z.enum(["day", "role"], { error: "day or role" }).optional() })
  .superRefine(checkPeriodFields);
export type LabourReportInput = z.input<typeof labourReportSchema>;

type Span = Pick<DateSpan, "from" | "to" | "start" | "end">;
type Figures = { scheduledMinutes: number; workedMinutes: number; costCents: number; uncostedMinutes: number };
const noFigures = (): Figures => ({ scheduledMinutes: 0, workedMinutes: 0, costCents: 0, uncostedMinutes: 0 });

/**
 * Worked time and its cost per business day and role: each punch belongs to the business day of
 * its clock-in (as on the timesheet), worked = on the clock minus unpaid breaks (`workedMs`).
 * Minutes are summed per person, day and role, then rounded to the minute and costed once at the
 * person's hourly rate (`labourCostCents`, straight time: overtime is a weekly matter, priced on
 * the timesheet). Scheduled time: the shifts starting in the period.
 */
async function labourIn(locationId: string, span: Span, rules: DayRules, now: Date) {
  const [punches, shifts, members] = await Promise.all([
    db.timePunch.findMany({
      where: { locationId, clockInAt: { gte: span.start, lt: span.end } },
      select: {
        userId: true,
        role: true,
        clockInAt: true,
        clockOutAt: true,
        breaks: { select: { startedAt: true, endedAt: true, paid: true } },
      },
    }),
    db.shift.findMany({
      where: { locationId, startsAt: { gte: span.start, lt: span.end } },
      select: { role: true, startsAt: true, endsAt: true },
    }),
    db.membership.findMany({ where: { locationId }, select: { userId: true, hourlyRateCents: true } }),
  ]);
  const rates = new Map(members.map((m) => [m.userId, m.hourlyRateCents]));
  const ms = new Map<string, { userId: string; date: string; role: Role; ms: number }>();
  for (const p of punches) {
    const date = isoDate(businessDateOf(p.clockInAt, rules));
    const key = `${p.userId}|${date}|${p.role}`;
    const row = ms.get(key) ?? { userId: p.userId, date, role: p.role, ms: 0 };
    row.ms += workedMs(p, now);
    ms.set(key, row);
  }
  const days = new Map<string, Figures>();
  const roles = new Map<Role, Figures & { people: Set<string> }>();
  const day = (d: string) => days.get(d) ?? days.set(d, noFigures()).get(d)!;
  const role = (r: Role) => roles.get(r) ?? roles.set(r, { ...noFigures(), people: new Set() }).get(r)!;
  for (const r of ms.values()) {
    const minutes = toMinutes(r.ms);
    const cost = labourCostCents({ regular: minutes, overtime: 0 }, rates.get(r.userId) ?? null);
    for (const f of [day(r.date), role(r.role)]) {
      f.workedMinutes += minutes;
      if (cost === null) f.uncostedMinutes += minutes;
      else f.costCents += cost;
    }
    role(r.role).people.add(r.userId);
  }
  for (const s of shifts) {
    const minutes = Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000);
    day(isoDate(businessDateOf(s.startsAt, rules))).scheduledMinutes += minutes;
    role(s.role).scheduledMinutes += minutes;
  }
  return { days, roles };
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

function derived(f: Figures, netSalesCents: number) {
  return {
    ...f,
    netSalesCents,
    /** Labour cost ÷ net sales. */
    labourPct: ratio(f.costCents, netSalesCents),
    /** Net sales per hour worked, cents. */
    salesPerLabourHourCents: f.workedMinutes > 0 ? Math.round((netSalesCents * 60) / f.workedMinutes) : null,
  };
}

type NetSales = Map<string, number>;

/** Net sales per business date over one range, from the end-of-day sums (paid checks). */
async function netSalesBetween(locationId: string, start: Date, end: Date, rules: DayRules): Promise<NetSales> {
  const sums = await sumBusinessDays({ locationId, start, end, rules });
  return new Map([...sums].map(([d, s]) => [d, withDerived(s).netSalesCents]));
}

async function figuresOf(locationId: string, span: Span, rules: DayRules, now: Date, sales: Promise<NetSales>) {
  const [labour, net] = await Promise.all([labourIn(locationId, span, rules, now), sales]);
  const days = spanDates(span).map((date) => ({
    date,
    ...derived(labour.days.get(date) ?? noFigures(), net.get(date) ?? 0),
  }));
  const total = days.reduce((t, d) => {
    for (const k of ["scheduledMinutes", "workedMinutes", "costCents", "uncostedMinutes"] as const) t[k] += d[k];
    return t;
  }, noFigures());
  const netSalesCents = days.reduce((s, d) => s + d.netSalesCents, 0);
  return { days, roles: labour.roles, total: derived(total, netSalesCents) };
}

/**
 * Labour over a period: hours worked (punches minus unpaid breaks) and scheduled, labour cost,
 * labour % of net sales (net sales as the end-of-day report counts them: paid checks) and sales
 * per labour hour, by business day and by role, with the previous period's totals.
 */
export async function getLabourReport(ctx: Ctx, raw: unknown, now = new Date()) {
  assertCan(ctx, "reports.money");
  const input = parseInput(labourReportSchema, raw);
  const { location, period } = await reportScope(ctx, input, now);
  // One pass over the sales of both periods (the previous one ends where this one starts, or before).
  const sales = netSalesBetween(ctx.locationId, period.previous?.start ?? period.start, period.end, location.rules);
  const [current, previous] = await Promise.all([
    figuresOf(ctx.locationId, period, location.rules, now, sales),
    period.previous ? figuresOf(ctx.locationId, period.previous, location.rules, now, sales) : null,
  ]);
  const roles = [...current.roles]
    .map(([role, f]) => ({
      role,
      people: f.people.size,
      scheduledMinutes: f.scheduledMinutes,
      workedMinutes: f.workedMinutes,
      costCents: f.costCents,
      uncostedMinutes: f.uncostedMinutes,
      /** This role's cost ÷ the period's net sales. */
      labourPct: ratio(f.costCents, current.total.netSalesCents),
      costShare: ratio(f.costCents, current.total.costCents),
    }))
    .sort((a, b) => b.costCents - a.costCents || a.role.localeCompare(b.role));
  return {
    period,
    locationName: location.name,
    currency: location.currency,
    groupBy: input.groupBy ?? "day",
    days: current.days,
    roles,
    totals: current.total,
    previous: previous?.total ?? null,
    generatedAt: new Date(),
  };
}
export type LabourReport = Awaited<ReturnType<typeof getLabourReport>>;

const money = (c: number | null) => (c === null ? "" : (c / 100).toFixed(2));
const hours = (m: number) => (m / 60).toFixed(2);
const pct = (r: number | null) => (r === null ? "" : (r * 100).toFixed(1));

/** CSV of the table on screen, by day or by role, with a TOTAL row. */
export function labourReportCsv(r: LabourReport): string {
  const t = r.totals;
  if (r.groupBy === "role")
    return toCsv(
      ["role", "people", "scheduled_hours", "worked_hours", "labour_cost", "labour_pct", "uncosted_hours", "currency"],
      [
        ...r.roles.map((x) => [
          x.role,
          x.people,
          hours(x.scheduledMinutes),
          hours(x.workedMinutes),
          money(x.costCents),
          pct(x.labourPct),
          hours(x.uncostedMinutes),
          r.currency,
        ]),
        ["TOTAL", r.roles.reduce((s, x) => s + x.people, 0), hours(t.scheduledMinutes), hours(t.workedMinutes), money(t.costCents), pct(t.labourPct), hours(t.uncostedMinutes), r.currency],
      ],
    );
  const row = (label: string, d: LabourReport["totals"]) => [
    label,
    hours(d.scheduledMinutes),
    hours(d.workedMinutes),
    money(d.costCents),
    money(d.netSalesCents),
    pct(d.labourPct),
    money(d.salesPerLabourHourCents),
    hours(d.uncostedMinutes),
    r.currency,
  ];
  return toCsv(
    ["date", "scheduled_hours", "worked_hours", "labour_cost", "net_sales", "labour_pct", "sales_per_labour_hour", "uncosted_hours", "currency"],
    [...r.days.map((d) => row(d.date, d)), row("TOTAL", t)],
  );
}
