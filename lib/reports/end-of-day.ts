import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { toCsv } from "../csv/stringify";
import { businessDateOf, businessDayRange, type DayRules } from "../time/business-day";
import { isoDate, parseIsoDate } from "../time/zoned";
import { drawerSelect, drawerViews } from "../cash/drawer-view";
import {
  datesBetween,
  emptyDay,
  END_OF_DAY_CSV_COLUMNS,
  endOfDayCsvRows,
  sumDays,
  TENDERS,
  withDerived,
  type DaySums,
  type Tender,
} from "./end-of-day-math";

export const MAX_REPORT_DAYS = 93;

/** A business date a restaurant can have figures for (2000–2099): no year 0 or 9999 reaches SQL. */
export const businessDateSchema = z.iso
  .date("Use a date like 2026-11-30")
  .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", "Choose a date between 2000 and 2099");

/** One business date, or from/to (inclusive). Default: the current business day. */
export const endOfDaySchema = z
  .object({
    date: businessDateSchema.optional(),
    from: businessDateSchema.optional(),
    to: businessDateSchema.optional(),
    /** The REST route's CSV link (a browser link cannot send `Accept: text/csv`). */
    format: z.enum(["json", "csv"], { error: "json or csv" }).optional(),
  })
  .superRefine((p, c) => {
    if (p.date && (p.from || p.to))
      c.addIssue({ code: "custom", path: ["date"], message: "Give one date, or a first and a last date" });
    if ((p.from && !p.to) || (!p.from && p.to))
      c.addIssue({ code: "custom", path: [p.from ? "to" : "from"], message: "Give both the first and the last date" });
    if (p.from && p.to && p.from > p.to)
      c.addIssue({ code: "custom", path: ["from"], message: "Must be on or before the last date" });
    if (p.from && p.to && Date.parse(p.to) - Date.parse(p.from) >= MAX_REPORT_DAYS * 86_400_000)
      c.addIssue({ code: "custom", path: ["to"], message: `At most ${MAX_REPORT_DAYS} days` });
  });
export type EndOfDayInput = z.input<typeof endOfDaySchema>;

/** The business date (YYYY-MM-DD) of a timestamp column, in SQL: local wall time minus the cut-off. */
function businessDateSql(column: Prisma.Sql, rules: DayRules): Prisma.Sql {
  return Prisma.sql`to_char(((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${rules.timeZone}) - make_interval(hours => ${rules.cutoffHour}::int), 'YYYY-MM-DD')`;
}

type Range = { locationId: string; start: Date; end: Date; rules: DayRules };

/**
 * The sums of every business day in a range, straight from SQL: checks paid (by paidAt), voids
 * (by voidedAt), refunds and payments (by their time), open checks of orders opened that day.
 * Usable without a permission check by other reports (the dashboard's paid sales).
 */
export async function sumBusinessDays({ locationId, start, end, rules }: Range): Promise<Map<string, DaySums>> {
  const bd = (col: Prisma.Sql) => businessDateSql(col, rules);
  const [checks, voids, refunds, payments, open] = await Promise.all([
    db.$queryRaw<
      {
        d: string;
        checks: bigint;
        covers: bigint;
        gross: bigint;
        discount: bigint;
        comp: bigint;
        service: bigint;
        tax: bigint;
        total: bigint;
      }[]
    >`
      WITH c AS (
        SELECT ${bd(Prisma.sql`"paidAt"`)} AS d, * FROM "Check"
        WHERE "locationId" = ${locationId} AND status = 'PAID' AND "paidAt" >= ${start} AND "paidAt" < ${end}
      )
      SELECT d, COUNT(*)::bigint AS checks,
        (SELECT COALESCE(SUM(o."guestCount"), 0) FROM "Order" o
          WHERE o.id IN (SELECT c2."orderId" FROM c c2 WHERE c2.d = c.d))::bigint AS covers,
        SUM("subtotalCents")::bigint AS gross, SUM("discountCents")::bigint AS discount,
        SUM("compCents")::bigint AS comp, SUM("serviceChargeCents")::bigint AS service,
        SUM("taxCents")::bigint AS tax, SUM("totalCents")::bigint AS total
      FROM c GROUP BY d`,
    db.$queryRaw<{ d: string; n: bigint; cents: bigint }[]>`
      SELECT ${bd(Prisma.sql`"voidedAt"`)} AS d, COUNT(*)::bigint AS n,
        SUM(("unitPriceCents" + "modifiersCents") * quantity)::bigint AS cents
      FROM "OrderItem"
      WHERE "locationId" = ${locationId} AND status = 'VOIDED' AND "voidedAt" >= ${start} AND "voidedAt" < ${end}
      GROUP BY 1`,
    db.$queryRaw<{ d: string; n: bigint; cents: bigint; tips: bigint }[]>`
      SELECT ${bd(Prisma.sql`"createdAt"`)} AS d, COUNT(*)::bigint AS n,
        SUM("amountCents")::bigint AS cents, SUM("tipCents")::bigint AS tips
      FROM "Refund"
      WHERE "locationId" = ${locationId} AND "createdAt" >= ${start} AND "createdAt" < ${end}
      GROUP BY 1`,
    db.$queryRaw<{ d: string; tender: Tender; n: bigint; cents: bigint; tips: bigint }[]>`
      SELECT ${bd(Prisma.sql`"createdAt"`)} AS d, tender::text AS tender, COUNT(*)::bigint AS n,
        SUM("amountCents")::bigint AS cents, SUM("tipCents")::bigint AS tips
      FROM "Payment"
      WHERE "locationId" = ${locationId} AND "createdAt" >= ${start} AND "createdAt" < ${end}
      GROUP BY 1, 2`,
    db.$queryRaw<{ d: string; n: bigint; due: bigint }[]>`
      SELECT ${bd(Prisma.sql`"openedAt"`)} AS d, COUNT(*)::bigint AS n,
        SUM("dueCents" - "paidCents")::bigint AS due
      FROM "Order"
      WHERE "locationId" = ${locationId} AND status NOT IN ('CLOSED', 'VOIDED') AND "dueCents" > "paidCents"
        AND "openedAt" >= ${start} AND "openedAt" < ${end}
      GROUP BY 1`,
  ]);
  const days = new Map<string, DaySums>();
  const day = (d: string) => days.get(d) ?? days.set(d, emptyDay()).get(d)!;
  const n = (v: bigint | number | null) => Number(v ?? 0);
  for (const r of checks) {
    Object.assign(day(r.d), {
      checks: n(r.checks),
      covers: n(r.covers),
      grossCents: n(r.gross),
      discountCents: n(r.discount),
      compCents: n(r.comp),
      serviceChargeCents: n(r.service),
      taxCents: n(r.tax),
      totalCents: n(r.total),
    });
  }
  for (const r of voids) Object.assign(day(r.d), { voids: n(r.n), voidCents: n(r.cents) });
  for (const r of refunds) Object.assign(day(r.d), { refunds: n(r.n), refundCents: n(r.cents), refundTipCents: n(r.tips) });
  for (const r of open) Object.assign(day(r.d), { openChecks: n(r.n), openDueCents: n(r.due) });
  for (const r of payments) day(r.d).tenders[r.tender] = { count: n(r.n), amountCents: n(r.cents), tipCents: n(r.tips) };
  return days;
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
 * and the cash drawers opened in the period.
 */
export async function getEndOfDay(ctx: Ctx, raw: unknown) {
  assertCan(ctx, "reports.money");
  const input = parseInput(endOfDaySchema, raw);
  const location = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { name: true, timezone: true, currency: true, businessDayCutoffHour: true },
  });
  const rules = { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour };
  const today = isoDate(businessDateOf(new Date(), rules));
  const from = input.from ?? input.date ?? today;
  const to = input.to ?? input.date ?? today;
  const range: Range = {
    locationId: ctx.locationId,
    start: businessDayRange(parseIsoDate(from), rules).start,
    end: businessDayRange(parseIsoDate(to), rules).end,
    rules,
  };
  const [sums, tips, drawerRows] = await Promise.all([
    sumBusinessDays(range),
    tipsByServer(range),
    db.cashDrawerSession.findMany({
      where: { locationId: ctx.locationId, openedAt: { gte: range.start, lt: range.end } },
      select: drawerSelect,
      orderBy: { openedAt: "asc" },
    }),
  ]);
  const dates = datesBetween(from, to);
  const days = dates.map((date) => ({ date, ...withDerived(sums.get(date) ?? emptyDay()) }));
  const total = withDerived(dates.reduce((acc, d) => sumDays(acc, sums.get(d) ?? emptyDay()), emptyDay()));
  const drawers = await drawerViews(db, ctx.locationId, drawerRows, true);
  return {
    locationName: location.name,
    currency: location.currency,
    timeZone: location.timezone,
    businessDayCutoffHour: location.businessDayCutoffHour,
    from,
    to,
    start: range.start,
    end: range.end,
    days,
    total,
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
    generatedAt: new Date(),
  };
}
export type EndOfDayReport = Awaited<ReturnType<typeof getEndOfDay>>;

/** The report as CSV: one row per business day (a TOTAL row for a range). */
export function endOfDayCsv(report: EndOfDayReport): string {
  return toCsv(END_OF_DAY_CSV_COLUMNS, endOfDayCsvRows(report.days, report.total, report.currency));
}
