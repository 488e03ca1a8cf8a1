import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { toCsv } from "../csv/stringify";
import { checkPeriodFields, reportPeriodFields, type ReportPeriod } from "./report-period";
import { localHourSql, reportScope } from "./report-context";

/** Bumps and passes of a period's lines are read up to a day after its end (a later one is not a service). */
const DAY_MS = 86_400_000;

export const KITCHEN_GROUPS = ["station", "item", "hour", "cook"] as const;
export type KitchenGroup = (typeof KITCHEN_GROUPS)[number];

export const kitchenPerformanceSchema = z
  .object({
    ...reportPeriodFields,
    groupBy: z.enum(KITCHEN_GROUPS, { error: `One of ${KITCHEN_GROUPS.join(", ")}` }).default("station"),
  })
  .superRefine(checkPeriodFields);
export type KitchenPerformanceInput = z.input<typeof kitchenPerformanceSchema>;

/** Times of one set of ticket lines: fired → bumped at their station. */
export type LineTimes = {
  /** Lines fired in the period (bumped or not). */
  fired: number;
  /** Of them, bumped by their station: the lines the times are measured on. */
  bumped: number;
  medianSeconds: number;
  p90Seconds: number;
  /** Bumped at or after their target (the kitchen display's late rule). */
  late: number;
  /** late / bumped, 0–1; 0 when nothing was bumped. */
  lateShare: number;
};

export type ExpoTimes = { tickets: number; medianSeconds: number; p90Seconds: number };

type TimesRow = { fired: number; bumped: number; medianSeconds: number | null; p90Seconds: number | null; late: number };

/**
 * Every line a station made, fired in [start, end): the order's own lines routed to a station,
 * and the sides made at another station (an OrderItemModifier with its own station and bump).
 * Voided lines are left out. `lateMinutes` is the kitchen display's rule (lib/kitchen/ticket-timer
 * `targetFor`): the dish's prep time, else the station's pair, else the location's — read from the
 * menu and stations as they are now. `cur` marks the lines fired from `curStart` (the period itself)
 * on the (locationId, firedAt) index.
 */
function linesSql(locationId: string, start: Date, end: Date, curStart: Date, locationLate: number): Prisma.Sql {
  const late = (prep: Prisma.Sql) =>
    Prisma.sql`CASE WHEN ${prep} > 0 THEN ${prep}
                    WHEN st."warnMinutes" > 0 AND st."lateMinutes" > 0 THEN st."lateMinutes"
                    ELSE ${locationLate}::int END`;
  const fired = Prisma.sql`i."locationId" = ${locationId} AND i."firedAt" >= ${start} AND i."firedAt" < ${end}
      AND i."status" <> 'VOIDED' AND NOT st."isExpo"`;
  return Prisma.sql`
    SELECT i."id", i."orderId", i."stationId", st."name" AS "stationName",
           i."menuItemId" AS "dishId", m."name" AS "dishName", i."firedAt", i."bumpedAt",
           ${late(Prisma.sql`m."prepMinutes"`)} AS "lateMinutes", i."firedAt" >= ${curStart} AS cur
    FROM "OrderItem" i
    JOIN "KitchenStation" st ON st."id" = i."stationId"
    JOIN "MenuItem" m ON m."id" = i."menuItemId"
    WHERE ${fired}
    UNION ALL
    SELECT c."id", i."orderId", c."stationId", st."name",
           COALESCE(r."id", 'modifier:' || c."modifierId"), COALESCE(r."name", c."name"), i."firedAt", c."bumpedAt",
           ${late(Prisma.sql`r."prepMinutes"`)}, i."firedAt" >= ${curStart}
    FROM "OrderItem" i
    JOIN "OrderItemModifier" c ON c."orderItemId" = i."id"
    JOIN "KitchenStation" st ON st."id" = c."stationId"
    JOIN "Modifier" md ON md."id" = c."modifierId"
    LEFT JOIN "MenuItem" r ON r."id" = md."recipeItemId"
    WHERE ${fired} AND c."stationId" IS NOT NULL`;
}

/** The aggregate columns of a set of lines `l` (seconds from fired to bumped; late by the line's own target). */
const TIMES_SQL = Prisma.sql`
  count(*)::int AS fired,
  count(l."bumpedAt")::int AS bumped,
  (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (l."bumpedAt" - l."firedAt"))))::float8 AS "medianSeconds",
  (percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (l."bumpedAt" - l."firedAt"))))::float8 AS "p90Seconds",
  count(*) FILTER (WHERE l."bumpedAt" - l."firedAt" >= make_interval(mins => l."lateMinutes"))::int AS late`;

function toTimes(r: TimesRow | undefined): LineTimes {
  if (!r) return { fired: 0, bumped: 0, medianSeconds: 0, p90Seconds: 0, late: 0, lateShare: 0 };
  return {
    fired: r.fired,
    bumped: r.bumped,
    medianSeconds: Math.round(r.medianSeconds ?? 0),
    p90Seconds: Math.round(r.p90Seconds ?? 0),
    late: r.late,
    lateShare: r.bumped ? r.late / r.bumped : 0,
  };
}

/** The group key and label of a line `l` (the cook's comes from the lateral `b` and user `u`). */
function groupSql(groupBy: KitchenGroup, hour: Prisma.Sql): { key: Prisma.Sql; label: Prisma.Sql } {
  switch (groupBy) {
    case "station":
      return { key: Prisma.sql`l."stationId"`, label: Prisma.sql`l."stationName"` };
    case "item":
      return { key: Prisma.sql`l."dishId"`, label: Prisma.sql`l."dishName"` };
    case "hour":
      return { key: Prisma.sql`lpad(${hour}::text, 2, '0')`, label: Prisma.sql`lpad(${hour}::text, 2, '0') || ':00'` };
    case "cook":
      return { key: Prisma.sql`COALESCE(b."actorId", '')`, label: Prisma.sql`COALESCE(u."name", 'Not recorded')` };
  }
}

/** Which grouping set a row is: the period's totals, a group of the table, or a heat-map cell. */
type SetRow = TimesRow & {
  cur: boolean;
  set: "total" | "group" | "cell";
  key: string | null;
  label: string | null;
  stationId: string | null;
  stationName: string | null;
  hour: number | null;
};

/**
 * The lines of a span aggregated by grouping sets: for the period itself (`cur`) its totals, groups
 * and load cells (station × local hour fired); for the previous period only its totals. The cook
 * is the user who bumped the line: the actor of the last `items.bumped` event that lists it (a
 * kitchen screen's PIN switch makes that the cook at it), read only when grouping by cook.
 */
async function lineSets(
  locationId: string,
  span: { start: Date; end: Date },
  cur: boolean,
  locationLate: number,
  groupBy: KitchenGroup,
  timeZone: string,
): Promise<SetRow[]> {
  const hour = localHourSql(Prisma.sql`l."firedAt"`, { timeZone, cutoffHour: 0 });
  const { key, label } = groupSql(groupBy, hour);
  // The span's bump events (on the (locationId, type, createdAt) index: a line is bumped after it
  // fired, and within a day of the span's end) by line, the last one per line; hash-joined to the
  // lines rather than looked up line by line.
  const cook =
    groupBy === "cook"
      ? Prisma.sql`
        LEFT JOIN (
          SELECT DISTINCT ON (x.id) x.id, e."actorId"
          FROM "OrderEvent" e CROSS JOIN jsonb_array_elements_text(e."payload"->'itemIds') AS x(id)
          WHERE e."locationId" = ${locationId} AND e."type" = 'items.bumped'
            AND e."createdAt" >= ${span.start} AND e."createdAt" < ${new Date(span.end.getTime() + DAY_MS)}
          ORDER BY x.id, e."seq" DESC
        ) b ON l.cur AND l."bumpedAt" IS NOT NULL AND b.id = l."id"
        LEFT JOIN "User" u ON u."id" = b."actorId"`
      : Prisma.empty;
  // `cur` lines are all of the span's (curStart = start) or none (curStart = end).
  const lines = linesSql(locationId, span.start, span.end, cur ? span.start : span.end, locationLate);
  if (!cur)
    return db.$queryRaw<SetRow[]>`
      SELECT false AS cur, 'total' AS set, NULL AS key, NULL AS label, NULL AS "stationId",
             NULL AS "stationName", NULL::int AS hour, ${TIMES_SQL}
      FROM (${lines}) l`;
  return db.$queryRaw<SetRow[]>`
    WITH g AS (
      SELECT l.*, ${key} AS key, ${label} AS label, ${hour} AS hour
      FROM (${lines}) l ${cook}
    )
    SELECT l.cur,
           CASE GROUPING(l.key, l.label, l."stationId", l."stationName", l.hour)
             WHEN 31 THEN 'total' WHEN 7 THEN 'group' ELSE 'cell' END AS set,
           l.key, l.label, l."stationId", l."stationName", l.hour, ${TIMES_SQL}
    FROM g l
    GROUP BY GROUPING SETS ((l.cur), (l.cur, l.key, l.label), (l.cur, l."stationId", l."stationName", l.hour))
    ORDER BY l.label, l.key, l."stationName", l.hour`;
}

type ExpoRow = { cur: boolean; tickets: number; medianSeconds: number | null; p90Seconds: number | null };

/**
 * Expo: from a ticket's fire (its first line) to the pass (the first `ticket.ready` event of that
 * order and fire batch), per period. Tickets fired in the period; those never passed (or passed more
 * than a day after the period) are not timed. The passes come from the (locationId, type, createdAt)
 * index and are hash-joined to the tickets.
 */
async function expoTimes(locationId: string, period: ReportPeriod): Promise<ExpoRow[]> {
  const start = period.previous?.start ?? period.start;
  return db.$queryRaw<ExpoRow[]>`
    WITH t AS (
      SELECT i."orderId", i."fireBatch", min(i."firedAt") AS fired
      FROM "OrderItem" i
      WHERE i."locationId" = ${locationId} AND i."firedAt" >= ${start} AND i."firedAt" < ${period.end}
        AND i."fireBatch" IS NOT NULL
      GROUP BY 1, 2
    ), p AS (
      SELECT e."orderId", (e."payload"->>'fireBatch')::int AS "fireBatch", min(e."createdAt") AS ready
      FROM "OrderEvent" e
      WHERE e."locationId" = ${locationId} AND e."type" = 'ticket.ready'
        AND e."createdAt" >= ${start} AND e."createdAt" < ${new Date(period.end.getTime() + DAY_MS)}
      GROUP BY 1, 2
    ), r AS (
      SELECT t.fired >= ${period.start} AS cur, EXTRACT(EPOCH FROM (p.ready - t.fired)) AS s
      FROM t JOIN p ON p."orderId" = t."orderId" AND p."fireBatch" = t."fireBatch"
    )
    SELECT cur, count(*)::int AS tickets,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY s))::float8 AS "medianSeconds",
           (percentile_cont(0.9) WITHIN GROUP (ORDER BY s))::float8 AS "p90Seconds"
    FROM r GROUP BY cur`;
}

function toExpo(r: ExpoRow | undefined): ExpoTimes {
  return {
    tickets: r?.tickets ?? 0,
    medianSeconds: Math.round(r?.medianSeconds ?? 0),
    p90Seconds: Math.round(r?.p90Seconds ?? 0),
  };
}

/**
 * Kitchen performance over a period: ticket lines fired → bumped at their station (median, p90,
 * late against the kitchen display's targets), grouped by station, dish, hour of firing or cook;
 * expo's fired → passed time per ticket; the load by hour and station; and the headline figures
 * of the previous period. Aggregated in SQL on the (locationId, firedAt) index.
 */
export async function getKitchenPerformance(ctx: Ctx, raw: unknown = {}, now = new Date()) {
  assertCan(ctx, "reports.money");
  const query = parseInput(kitchenPerformanceSchema, raw);
  const { location, period } = await reportScope(ctx, query, now);
  const { kdsLateMinutes } = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { kdsLateMinutes: true },
  });
  const tz = location.rules.timeZone;
  // The period's groups and the previous period's totals in parallel (two connections, two cores).
  const [currentSets, previousSets, expo] = await Promise.all([
    lineSets(location.id, period, true, kdsLateMinutes, query.groupBy, tz),
    period.previous ? lineSets(location.id, period.previous, false, kdsLateMinutes, query.groupBy, tz) : [],
    expoTimes(location.id, period),
  ]);
  const sets = [...currentSets, ...previousSets];
  const current = sets.filter((r) => r.cur);
  const cells = current
    .filter((r) => r.set === "cell")
    .map((c) => ({ stationId: c.stationId!, stationName: c.stationName!, hour: c.hour!, lines: c.fired }))
    .sort((a, b) => (a.stationName < b.stationName ? -1 : a.stationName > b.stationName ? 1 : a.hour - b.hour));
  const stations = [...new Map(cells.map((c) => [c.stationId, { id: c.stationId, name: c.stationName }])).values()];
  // Hours in business-day order (a 04:00 cut-off puts 01:00 after 23:00), every hour between the first and last busy one.
  const rank = (h: number) => (h - location.rules.cutoffHour + 24) % 24;
  const ranks = cells.map((c) => rank(c.hour));
  const hours = cells.length
    ? Array.from({ length: Math.max(...ranks) - Math.min(...ranks) + 1 }, (_, i) => (Math.min(...ranks) + i + location.rules.cutoffHour) % 24)
    : [];
  return {
    period,
    location: { id: location.id, name: location.name },
    generatedAt: now.toISOString(),
    groupBy: query.groupBy,
    totals: toTimes(current.find((r) => r.set === "total")),
    previous: period.previous ? toTimes(sets.find((r) => !r.cur && r.set === "total")) : null,
    expo: toExpo(expo.find((r) => r.cur)),
    previousExpo: period.previous ? toExpo(expo.find((r) => !r.cur)) : null,
    rows: current
      .filter((r) => r.set === "group")
      .map((r) => ({ key: r.key ?? "", label: r.label ?? "", ...toTimes(r) })),
    load: {
      stations,
      hours,
      cells: cells.map((c) => ({ stationId: c.stationId, hour: c.hour, lines: c.lines })),
    },
  };
}

export type KitchenPerformance = Awaited<ReturnType<typeof getKitchenPerformance>>;

export const KITCHEN_CSV_COLUMNS = [
  "group",
  "lines_fired",
  "lines_bumped",
  "median_seconds",
  "p90_seconds",
  "late",
  "late_percent",
] as const;

const pct = (share: number) => (share * 100).toFixed(1);

/** One row per group and a TOTAL row (its counts are the sums of the rows; its times are the period's). */
export function kitchenPerformanceCsv(r: KitchenPerformance): string {
  const row = (label: string, t: LineTimes) => [
    label,
    t.fired,
    t.bumped,
    t.medianSeconds,
    t.p90Seconds,
    t.late,
    pct(t.lateShare),
  ];
  return toCsv(KITCHEN_CSV_COLUMNS, [...r.rows.map((g) => row(g.label, g)), row("TOTAL", r.totals)]);
}
