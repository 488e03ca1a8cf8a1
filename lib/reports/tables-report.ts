import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { toCsv } from "../csv/stringify";
import type { DayRules } from "../time/business-day";
import { checkPeriodFields, reportPeriodFields, type DateSpan } from "./report-period";
import { businessDateSql, reportScope } from "./report-context";

export const tablesReportSchema = z.object(reportPeriodFields).superRefine(checkPeriodFields);
export type TablesReportInput = z.input<typeof tablesReportSchema>;

/** Stays shorter or longer than this (a mistake, a check left open overnight) are turns but not in the averages. */
export const SEATED_MINUTES_COUNTED = { min: 10, max: 300 } as const;

type Scope = { locationId: string; span: DateSpan; rules: DayRules };

/**
 * One row per dining party: orders closed on a table in the span. Seated time is the booking's
 * seated → completed when the host recorded both (the party's real time at the table), otherwise
 * the order's opened → closed.
 */
const parties = ({ locationId, span }: Scope) => Prisma.sql`
  SELECT o."tableId", o."guestCount", o."openedAt", o."closedAt",
    EXTRACT(EPOCH FROM (COALESCE(r."completedAt", o."closedAt") - COALESCE(r."seatedAt", o."openedAt"))) / 60 AS minutes
  FROM "Order" o
  LEFT JOIN LATERAL (
    SELECT "seatedAt", "completedAt" FROM "Reservation"
    WHERE "orderId" = o.id AND "seatedAt" IS NOT NULL AND "completedAt" > "seatedAt"
    ORDER BY "seatedAt" LIMIT 1
  ) r ON true
  WHERE o."locationId" = ${locationId} AND o.status = 'CLOSED' AND o."tableId" IS NOT NULL
    AND o."closedAt" >= ${span.start} AND o."closedAt" < ${span.end}`;

const counted = Prisma.sql`minutes BETWEEN ${SEATED_MINUTES_COUNTED.min} AND ${SEATED_MINUTES_COUNTED.max}`;

type Sums = { turns: number; covers: number; timed: number; minutes: number };
const n = (v: bigint | number | null) => Number(v ?? 0);

async function sumTables(scope: Scope) {
  // One pass over the period's parties (the CTE is computed once), three groupings.
  const rows = await db.$queryRaw<
    { g: "table" | "size" | "hours"; key: string | null; turns: bigint; covers: bigint; timed: bigint; minutes: number | null;
      hours: number | null;
    }[]
  >`
    WITH p AS (${parties(scope)})
    SELECT 'table' AS g, "tableId" AS key, COUNT(*)::bigint AS turns, SUM("guestCount")::bigint AS covers,
      COUNT(*) FILTER (WHERE ${counted})::bigint AS timed, SUM(minutes) FILTER (WHERE ${counted})::float8 AS minutes, NULL::float8 AS hours
    FROM p GROUP BY "tableId"
    UNION ALL
    SELECT 'size', "guestCount"::text, COUNT(*)::bigint, SUM("guestCount")::bigint,
      COUNT(*) FILTER (WHERE ${counted})::bigint, SUM(minutes) FILTER (WHERE ${counted})::float8, NULL
    FROM p GROUP BY "guestCount"
    UNION ALL
    -- Open hours: on each business day, from the first of these parties' orders opening to the last one closing.
    SELECT 'hours', NULL, 0, 0, 0, NULL, SUM(h)::float8 FROM (
      SELECT EXTRACT(EPOCH FROM (MAX("closedAt") - MIN("openedAt"))) / 3600 AS h
      FROM p GROUP BY ${businessDateSql(Prisma.sql`"closedAt"`, scope.rules)}
    ) d`;
  const byTable = rows.filter((r) => r.g === "table");
  const bySize = rows.filter((r) => r.g === "size").sort((x, y) => Number(x.key) - Number(y.key));
  const hours = rows.find((r) => r.g === "hours")?.hours ?? 0;
  const tables = new Map<string, Sums>(
    byTable.map((r) => [r.key!, { turns: n(r.turns), covers: n(r.covers), timed: n(r.timed), minutes: r.minutes ?? 0 }]),
  );
  const sizes = bySize.map((r) => ({
    partySize: Number(r.key),
    parties: n(r.turns),
    averageSeatedMinutes: n(r.timed) ? Math.round((r.minutes ?? 0) / n(r.timed)) : null,
  }));
  return { tables, sizes, openHours: Math.round(hours * 100) / 100 };
}

const perSeatHour = (covers: number, seats: number, hours: number) =>
  seats && hours ? Math.round((covers / (seats * hours)) * 1000) / 1000 : null;

/** Figures of a set of tables (one, an area, the room). */
function figures(s: Sums, seats: number, tables: number, openHours: number) {
  return {
    turns: s.turns,
    covers: s.covers,
    seats,
    turnsPerTable: tables ? Math.round((s.turns / tables) * 100) / 100 : 0,
    averageSeatedMinutes: s.timed ? Math.round(s.minutes / s.timed) : null,
    coversPerSeatHour: perSeatHour(s.covers, seats, openHours),
  };
}

const add = (a: Sums, b: Sums): Sums => ({
  turns: a.turns + b.turns,
  covers: a.covers + b.covers,
  timed: a.timed + b.timed,
  minutes: a.minutes + b.minutes,
});
const none = (): Sums => ({ turns: 0, covers: 0, timed: 0, minutes: 0 });

/**
 * Table use in a period: turns (orders closed on a table) per table and area, average seated time
 * by party size, covers per seat-hour — covers ÷ (seats × the hours the location had dining
 * parties: on each business day, first order opened to last order closed). Seats are today's floor
 * plan (tables not archived, plus archived ones that had turns in the period).
 */
export async function getTablesReport(ctx: Ctx, raw: unknown, now = new Date()) {
  assertCan(ctx, "reports.money");
  const input = parseInput(tablesReportSchema, raw);
  const { location, period } = await reportScope(ctx, input, now);
  const scope = (span: DateSpan): Scope => ({ locationId: location.id, span, rules: location.rules });
  const [cur, prev, floor] = await Promise.all([
    sumTables(scope(period)),
    period.previous ? sumTables(scope(period.previous)) : null,
    db.diningTable.findMany({
      where: { locationId: location.id },
      select: { id: true, label: true, seats: true, archivedAt: true, area: { select: { id: true, name: true, sortOrder: true } } },
    }),
  ]);
  // Areas in their floor-plan order, tables by label as people read them (2 before 10).
  const inUse = floor
    .filter((t) => !t.archivedAt || cur.tables.has(t.id) || prev?.tables.has(t.id))
    .sort(
      (a, b) =>
        a.area.sortOrder - b.area.sortOrder ||
        a.area.name.localeCompare(b.area.name) ||
        a.label.localeCompare(b.label, undefined, { numeric: true }),
    );
  const tables = inUse.map((t) => {
    const s = cur.tables.get(t.id) ?? none();
    return {
      tableId: t.id,
      label: t.label,
      areaId: t.area.id,
      area: t.area.name,
      ...figures(s, t.seats, 1, cur.openHours),
      previousTurns: prev ? (prev.tables.get(t.id)?.turns ?? 0) : null,
    };
  });
  const areaIds = [...new Set(inUse.map((t) => t.area.id))];
  const sumOf = (ts: typeof inUse, m: Map<string, Sums>) => ts.reduce((a, t) => add(a, m.get(t.id) ?? none()), none());
  const seatsOf = (ts: typeof inUse) => ts.reduce((a, t) => a + t.seats, 0);
  const areas = areaIds.map((id) => {
    const ts = inUse.filter((t) => t.area.id === id);
    return {
      areaId: id,
      area: ts[0].area.name,
      tables: ts.length,
      ...figures(sumOf(ts, cur.tables), seatsOf(ts), ts.length, cur.openHours),
    };
  });
  const total = { tables: inUse.length, openHours: cur.openHours, ...figures(sumOf(inUse, cur.tables), seatsOf(inUse), inUse.length, cur.openHours) };
  const previousTotal = prev
    ? { tables: inUse.length, openHours: prev.openHours, ...figures(sumOf(inUse, prev.tables), seatsOf(inUse), inUse.length, prev.openHours) }
    : null;
  const prevSize = new Map(prev?.sizes.map((s) => [s.partySize, s]) ?? []);
  const partySizes = [...new Set([...cur.sizes.map((s) => s.partySize), ...prevSize.keys()])]
    .sort((a, b) => a - b)
    .map((size) => {
      const c = cur.sizes.find((s) => s.partySize === size);
      return {
        partySize: size,
        parties: c?.parties ?? 0,
        averageSeatedMinutes: c?.averageSeatedMinutes ?? null,
        previousAverageSeatedMinutes: prev ? (prevSize.get(size)?.averageSeatedMinutes ?? null) : null,
      };
    });
  return {
    locationName: location.name,
    currency: location.currency,
    period,
    tables,
    areas,
    partySizes,
    total,
    previousTotal,
    generatedAt: new Date(),
  };
}
export type TablesReport = Awaited<ReturnType<typeof getTablesReport>>;

export const TABLES_CSV_COLUMNS = [
  "area",
  "table",
  "seats",
  "turns",
  "covers",
  "average_seated_minutes",
  "covers_per_seat_hour",
  "previous_turns",
] as const;

/** One row per table, then a TOTAL row (the on-screen totals). */
export function tablesCsv(r: TablesReport): string {
  const blank = (v: number | null) => (v === null ? "" : v);
  return toCsv(TABLES_CSV_COLUMNS, [
    ...r.tables.map((t) => [
      t.area,
      t.label,
      t.seats,
      t.turns,
      t.covers,
      blank(t.averageSeatedMinutes),
      blank(t.coversPerSeatHour),
      blank(t.previousTurns),
    ]),
    [
      "TOTAL",
      `${r.total.tables} tables`,
      r.total.seats,
      r.total.turns,
      r.total.covers,
      blank(r.total.averageSeatedMinutes),
      blank(r.total.coversPerSeatHour),
      blank(r.previousTotal?.turns ?? null),
    ],
  ]);
}
