import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { toCsv } from "../csv/stringify";
import type { DayRules } from "../time/business-day";
import { emptyDay, sumDays, withDerived, type DayFigures, type DaySums } from "./end-of-day-math";
import { checkPeriodFields, reportPeriodFields, spanDates, type DateSpan } from "./report-period";
import { localHourSql, reportScope } from "./report-context";
import { byBusinessDate, sumSales, type SalesKey, type SalesRange } from "./sales-sums";
import {
  FIXED_DAYPARTS,
  SALES_GROUPS,
  SALES_GROUP_LABEL,
  SOURCE_LABEL,
  hourLabel,
  weekStarts,
  type SalesGroup,
} from "./sales-groups";

export const salesReportSchema = z
  .object({
    ...reportPeriodFields,
    groupBy: z.enum(SALES_GROUPS, { error: `One of ${SALES_GROUPS.join(", ")}.` }).optional(),
  })
  .superRefine(checkPeriodFields);
export type SalesReportInput = z.input<typeof salesReportSchema>;

type Daypart = { name: string; days: number[]; startMinute: number; endMinute: number };

/** The location's service periods (lunch, dinner…) in the order of the day; none → fixed windows. */
async function servicePeriods(locationId: string): Promise<Daypart[]> {
  const rows = await db.servicePeriod.findMany({
    where: { locationId, archivedAt: null },
    select: { name: true, daysOfWeek: true, startMinute: true, endMinute: true },
    orderBy: [{ startMinute: "asc" }, { name: "asc" }],
  });
  return rows.map((r) => ({ name: r.name, days: r.daysOfWeek, startMinute: r.startMinute, endMinute: r.endMinute }));
}

export const OTHER_HOURS = "Other hours";

/** The local wall time of the order's opening, for hour and daypart groups. */
const localOpened = (rules: DayRules) => Prisma.sql`((o."openedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${rules.timeZone})`;

/** The SQL grouping of each groupBy (see the report's notes for what each counts by). */
function salesKey(groupBy: SalesGroup, rules: DayRules, dayparts: Daypart[]): SalesKey {
  switch (groupBy) {
    case "day":
      return byBusinessDate(rules);
    case "week":
      return {
        sql: (at) =>
          Prisma.sql`to_char(date_trunc('week', ((${at} AT TIME ZONE 'UTC') AT TIME ZONE ${rules.timeZone}) - make_interval(hours => ${rules.cutoffHour}::int)), 'YYYY-MM-DD')`,
        join: "none",
      };
    case "hour":
      return { sql: () => Prisma.sql`${localHourSql(Prisma.sql`o."openedAt"`, rules)}::text`, join: "order" };
    case "daypart": {
      const local = localOpened(rules);
      const minute = Prisma.sql`(extract(hour from ${local}) * 60 + extract(minute from ${local}))::int`;
      const hour = Prisma.sql`extract(hour from ${local})::int`;
      const when = dayparts.length
        ? dayparts
            .filter((p) => p.days.length)
            .map(
              (p) =>
                Prisma.sql`WHEN extract(dow from ${local})::int IN (${Prisma.join(p.days)}) AND ${minute} >= ${p.startMinute}::int AND ${minute} < ${p.endMinute}::int THEN ${p.name}::text`,
            )
        : [
            Prisma.sql`WHEN ${hour} >= 22 OR ${hour} < ${rules.cutoffHour}::int THEN 'Late'`,
            Prisma.sql`WHEN ${hour} < 11 THEN 'Breakfast'`,
            Prisma.sql`WHEN ${hour} < 16 THEN 'Lunch'`,
            Prisma.sql`WHEN ${hour} < 22 THEN 'Dinner'`,
          ];
      return {
        sql: () =>
          when.length ? Prisma.sql`(CASE ${Prisma.join(when, " ")} ELSE ${OTHER_HOURS}::text END)` : Prisma.sql`${OTHER_HOURS}::text`,
        join: "order",
      };
    }
    case "server":
      return { sql: () => Prisma.sql`COALESCE(o."serverId", '')`, join: "order" };
    case "area":
      return { sql: () => Prisma.sql`COALESCE(t."areaId", '')`, join: "table" };
    case "source":
      return { sql: () => Prisma.sql`o.source::text`, join: "order" };
  }
}

/** Display names of server and area keys ('' = none). */
async function keyLabels(groupBy: SalesGroup, locationId: string, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter(Boolean);
  if (groupBy === "server") {
    const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map([["", "No server"], ...users.map((u) => [u.id, u.name] as [string, string])]);
  }
  if (groupBy === "area") {
    const areas = await db.floorArea.findMany({ where: { locationId, id: { in: ids } }, select: { id: true, name: true } });
    return new Map([["", "No table"], ...areas.map((a) => [a.id, a.name] as [string, string])]);
  }
  return new Map();
}

const rangeOf = (locationId: string, s: DateSpan): SalesRange => ({ locationId, start: s.start, end: s.end });
const total = (m: Map<string, DaySums>) => withDerived([...m.values()].reduce(sumDays, emptyDay()));

export type SalesRow = DayFigures & {
  key: string;
  label: string;
  /** Net sales of the same group in the previous period (by position for days and weeks); null when not compared. */
  previousNetSalesCents: number | null;
};

/**
 * The sales report of a period: money on paid checks (the end-of-day report's rules, from
 * sumSales) in total and by the chosen group, what orders opened in the period still owe, and
 * the same for the previous period.
 */
export async function getSalesReport(ctx: Ctx, raw: unknown, now = new Date()) {
  assertCan(ctx, "reports.money");
  const input = parseInput(salesReportSchema, raw);
  const { location, period } = await reportScope(ctx, input, now);
  const groupBy: SalesGroup = input.groupBy ?? "day";
  const dayparts = groupBy === "daypart" ? await servicePeriods(location.id) : [];
  const key = salesKey(groupBy, location.rules, dayparts);
  const prev = period.previous;
  // Each check, void, refund, payment and open order falls in exactly one group: the totals are
  // the groups' sums (by day, the end-of-day report's figures).
  const [current, before] = await Promise.all([
    sumSales(rangeOf(location.id, period), key),
    prev ? sumSales(rangeOf(location.id, prev), key, "paid") : null,
  ]);

  let keys: string[];
  let previousKeys: (string | undefined)[] | null = null;
  if (groupBy === "day" || groupBy === "week") {
    keys = groupBy === "day" ? spanDates(period) : weekStarts(period.from, period.to);
    if (prev) {
      const p = groupBy === "day" ? spanDates(prev) : weekStarts(prev.from, prev.to);
      previousKeys = keys.map((_, i) => p[i]);
    }
  } else {
    const present = new Set([...current.keys(), ...(before?.keys() ?? [])]);
    if (groupBy === "hour") {
      const order = (h: number) => (h - location.rules.cutoffHour + 24) % 24;
      keys = [...present].sort((a, b) => order(Number(a)) - order(Number(b)));
    } else if (groupBy === "daypart") {
      const names = dayparts.length ? [...new Set(dayparts.map((p) => p.name))] : [...FIXED_DAYPARTS];
      keys = [...names, OTHER_HOURS].filter((n) => present.has(n));
    } else {
      const net = (k: string) => withDerived(current.get(k) ?? emptyDay()).netSalesCents;
      keys = [...present].sort((a, b) => net(b) - net(a) || a.localeCompare(b));
    }
  }
  const labels = await keyLabels(groupBy, location.id, keys);
  const label = (k: string) =>
    groupBy === "hour"
      ? hourLabel(Number(k))
      : groupBy === "week"
        ? `Week of ${k}`
        : groupBy === "source"
          ? (SOURCE_LABEL[k] ?? k)
          : (labels.get(k) ?? k);
  const rows: SalesRow[] = keys.map((k, i) => {
    const pk = previousKeys ? previousKeys[i] : k;
    return {
      key: k,
      label: label(k),
      ...withDerived(current.get(k) ?? emptyDay()),
      previousNetSalesCents: before && pk !== undefined ? withDerived(before.get(pk) ?? emptyDay()).netSalesCents : null,
    };
  });

  return {
    locationName: location.name,
    currency: location.currency,
    period,
    groupBy,
    groupLabel: SALES_GROUP_LABEL[groupBy],
    /** Which dayparts: the location's service periods, or the fixed windows when it has none. */
    dayparts: groupBy !== "daypart" ? null : dayparts.length ? ("service-periods" as const) : ("fixed" as const),
    rows,
    /** The sum of the groups (openDueCents: what orders opened in the period still owe). */
    total: total(current),
    previousTotal: before ? total(before) : null,
    generatedAt: new Date(),
  };
}
export type SalesReport = Awaited<ReturnType<typeof getSalesReport>>;

export const SALES_CSV_COLUMNS = [
  "group",
  "checks",
  "covers",
  "gross_sales",
  "discounts",
  "comps",
  "net_sales",
  "service_charge",
  "delivery_fees",
  "tax",
  "tips",
  "refunds",
  "voids_count",
  "voids",
  "average_check",
  "average_cover",
  "open_orders",
  "open_due",
  "previous_net_sales",
  "currency",
] as const;

/** One row per group, then a TOTAL row (the on-screen totals), money in major units. */
export function salesCsv(r: SalesReport): string {
  const money = (c: number) => (c / 100).toFixed(2);
  const row = (label: string, d: DayFigures, previous: number | null) => [
    label,
    d.checks,
    d.covers,
    money(d.grossCents),
    money(d.discountCents),
    money(d.compCents),
    money(d.netSalesCents),
    money(d.serviceChargeCents),
    money(d.deliveryFeeCents),
    money(d.taxCents),
    money(d.tipsCents),
    money(d.refundCents + d.refundTipCents),
    d.voids,
    money(d.voidCents),
    money(d.averageCheckCents),
    money(d.averageCoverCents),
    d.openChecks,
    money(d.openDueCents),
    previous === null ? "" : money(previous),
    r.currency,
  ];
  return toCsv(SALES_CSV_COLUMNS, [
    ...r.rows.map((g) => row(g.label, g, g.previousNetSalesCents)),
    row("TOTAL", r.total, r.previousTotal?.netSalesCents ?? null),
  ]);
}
