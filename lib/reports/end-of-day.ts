import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { toCsv } from "../csv/stringify";
import type { DayRules } from "../time/business-day";
import { drawerSelect, drawerViews } from "../cash/drawer-view";
import { collectedInShift } from "../driver/shift-cash";
import { byBusinessDate, sumSales } from "./sales-sums";
import { reportScope } from "./report-context";
import { checkPeriodFields, MAX_PERIOD_DAYS, reportPeriodFields } from "./report-period";
import {
  datesBetween,
  emptyDay,
  END_OF_DAY_CSV_COLUMNS,
  endOfDayCsvRows,
  sumDays,
  TENDERS,
  withDerived,
  type DaySums,
} from "./end-of-day-math";

export const MAX_REPORT_DAYS = 93;

/** A business date a restaurant can have figures for (2000–2099): no year 0 or 9999 reaches SQL. */
export const businessDateSchema = z.iso
  .date("Use a date like 2026-11-30")
  .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", "Choose a date between 2000 and 2099");

/**
 * One business date (`date`, the original parameter, kept for integrations), a shared preset
 * (today, yesterday, …) or from/to (inclusive), with the previous period to compare. Default: the
 * current business day.
 */
export const endOfDaySchema = z
  .object({
    ...reportPeriodFields,
    date: businessDateSchema.optional(),
  })
  .superRefine((p, c) => {
    if (p.date && (p.from || p.to || p.preset))
      c.addIssue({ code: "custom", path: ["date"], message: "Give one date, a preset, or a first and a last date" });
    checkPeriodFields(p, c);
    const span = p.from && p.to ? Date.parse(p.to) - Date.parse(p.from) : 0;
    // A Z report lists every day: keep it to about a quarter (the shared cap is a year).
    if (span >= MAX_REPORT_DAYS * 86_400_000 && span < MAX_PERIOD_DAYS * 86_400_000)
      c.addIssue({ code: "custom", path: ["to"], message: `At most ${MAX_REPORT_DAYS} days` });
  });
export type EndOfDayInput = z.input<typeof endOfDaySchema>;

type Range = { locationId: string; start: Date; end: Date; rules: DayRules };

/**
 * The sums of every business day in a range (the rules live in sumSales): checks paid (by
 * paidAt), voids (by voidedAt), refunds and payments (by their time), open checks of orders
 * opened that day. Usable without a permission check by other reports (the dashboard's paid sales).
 */
export async function sumBusinessDays({ locationId, start, end, rules }: Range): Promise<Map<string, DaySums>> {
  return sumSales({ locationId, start, end }, byBusinessDate(rules));
}

async function tipsByServer({ locationId, start, end }: Range) {
  const rows = await db.$queryRaw<{ serverId: string | null; name: string | null; n: bigint; tips: bigint }[]>`
    SELECT o."serverId", u.name, COUNT(*)::bigint AS n, SUM(p."tipCents")::bigint AS tips
    FROM "Payment" p
    JOIN "Order" o ON o.id = p."orderId"
    LEFT JOIN "User" u ON u.id = o."serverId"
    WHERE p."locationId" = ${locationId} AND p."createdAt" >= ${start} AND p."createdAt" < ${end} AND p."tipCents" > 0
    GROUP BY o."serverId", u.name
    ORDER BY SUM(p."tipCents") DESC, u.name`;
  return rows.map((r) => ({
    serverId: r.serverId,
    name: r.name ?? "No server",
    payments: Number(r.n),
    tipCents: Number(r.tips),
  }));
}

/**
 * The end-of-day (Z) report of one business day or a range, in the location's time zone and
 * business-day cut-off: one row per day and the totals, payments by tender, tips by server,
 * the cash drawers opened in the period, and the previous period's totals to compare.
 */
export async function getEndOfDay(ctx: Ctx, raw: unknown, now = new Date()) {
  assertCan(ctx, "reports.money");
  const input = parseInput(endOfDaySchema, raw);
  const { location, period } = await reportScope(
    ctx,
    { preset: input.preset, from: input.from ?? input.date, to: input.to ?? input.date, compare: input.compare },
    now,
  );
  const rules = location.rules;
  const { from, to } = period;
  const range: Range = { locationId: ctx.locationId, start: period.start, end: period.end, rules };
  const [sums, previousSums, tips, drawerRows, shiftRows] = await Promise.all([
    sumBusinessDays(range),
    period.previous
      ? sumBusinessDays({ locationId: ctx.locationId, start: period.previous.start, end: period.previous.end, rules })
      : null,
    tipsByServer(range),
    db.cashDrawerSession.findMany({
      where: { locationId: ctx.locationId, openedAt: { gte: range.start, lt: range.end } },
      select: drawerSelect,
      orderBy: { openedAt: "asc" },
    }),
    db.driverShift.findMany({
      where: { locationId: ctx.locationId, startedAt: { gte: range.start, lt: range.end } },
      select: {
        id: true,
        startedAt: true,
        endedAt: true,
        countedCents: true,
        reconciledAt: true,
        driver: { select: { name: true } },
      },
      orderBy: { startedAt: "asc" },
    }),
  ]);
  // Cash taken at the door is in no drawer: the drivers' cash-ups account for it beside them.
  const driverCash = await Promise.all(
    shiftRows.map(async (s) => {
      const taken = await collectedInShift(db, s);
      return {
        id: s.id,
        driver: s.driver.name,
        startedAt: s.startedAt,
        endedAt: s.endedAt,
        collectedCents: taken.collectedCents,
        cardCents: taken.cardCents,
        countedCents: s.countedCents,
        varianceCents: s.countedCents === null ? null : s.countedCents - taken.collectedCents,
        reconciled: s.reconciledAt !== null,
      };
    }),
  );
  const dates = datesBetween(from, to);
  const days = dates.map((date) => ({ date, ...withDerived(sums.get(date) ?? emptyDay()) }));
  const total = withDerived(dates.reduce((acc, d) => sumDays(acc, sums.get(d) ?? emptyDay()), emptyDay()));
  const previousTotal = previousSums
    ? withDerived([...previousSums.values()].reduce((acc, d) => sumDays(acc, d), emptyDay()))
    : null;
  const drawers = await drawerViews(db, ctx.locationId, drawerRows, true);
  return {
    locationName: location.name,
    currency: location.currency,
    timeZone: rules.timeZone,
    businessDayCutoffHour: rules.cutoffHour,
    from,
    to,
    start: range.start,
    end: range.end,
    period,
    days,
    total,
    /** The same totals over the previous period (the day before a single day); null with compare=none. */
    previousTotal,
    tenders: TENDERS.map((tender) => ({ tender, ...total.tenders[tender] })),
    tipsByServer: tips,
    drawers: drawers.map((d) => ({
      id: d.id,
      name: d.name,
      status: d.status,
      openedAt: d.openedAt,
      openedBy: d.openedBy,
      closedAt: d.closedAt,
      openingFloatCents: d.openingFloatCents,
      expectedCents: d.expectedCents,
      countedCents: d.countedCents,
      varianceCents: d.varianceCents,
    })),
    /** Drivers' shifts started in the period: cash taken at the door and its count. */
    driverCash,
    generatedAt: new Date(),
  };
}
export type EndOfDayReport = Awaited<ReturnType<typeof getEndOfDay>>;

/** The report as CSV: one row per business day (a TOTAL row for a range). */
export function endOfDayCsv(report: EndOfDayReport): string {
  return toCsv(END_OF_DAY_CSV_COLUMNS, endOfDayCsvRows(report.days, report.total, report.currency));
}
