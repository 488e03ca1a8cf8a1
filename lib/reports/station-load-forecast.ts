import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { businessDateOf, businessDayRange } from "../time/business-day";
import { addDays } from "../time/zoned";
import { businessDateSql, localHourSql, reportLocation } from "./report-context";
import {
  FIRE_LAG_MINUTES,
  HISTORY_WEEKS,
  forecastLoad,
  loadBuckets,
  type HourHistory,
  type WalkInHistory,
} from "./station-load-math";

export const stationLoadForecastSchema = z.object({
  hours: z.coerce
    .number({ error: "A number of hours" })
    .int("Whole hours")
    .min(1, "At least 1 hour")
    .max(12, "12 hours at most")
    .default(4),
  bucket: z.enum(["30", "60"], { error: "30 or 60 minutes" }).default("60"),
  walkIns: z.enum(["true", "false"], { error: "true or false" }).default("true"),
});
export type StationLoadForecastInput = z.input<typeof stationLoadForecastSchema>;

/** A party booked more than this long ago and still not seated is not counted (probably a no-show). */
const LATE_PARTY_MINUTES = 60;

/** Lines made at kitchen stations (not expo): an order's own lines and sides routed to another station. */
function stationLinesSql(locationId: string, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT i."orderId", i."stationId", i."firedAt"
    FROM "OrderItem" i JOIN "KitchenStation" st ON st."id" = i."stationId"
    WHERE i."locationId" = ${locationId} AND NOT st."isExpo" AND ${where}
    UNION ALL
    SELECT i."orderId", c."stationId", i."firedAt"
    FROM "OrderItem" i
    JOIN "OrderItemModifier" c ON c."orderItemId" = i."id"
    JOIN "KitchenStation" st ON st."id" = c."stationId"
    WHERE i."locationId" = ${locationId} AND NOT st."isExpo" AND ${where}`;
}

/**
 * The next hours at each kitchen station: what is on the screens now, what the booked parties
 * will order (party size × the items per cover of similar covers — the same weekday over the last
 * four weeks, arriving within an hour of the party) and, unless turned off, the walk-in baseline
 * (the same weekday's lines of orders without a booking at that hour, averaged). The math is in
 * station-load-math.ts; here three reads, run together.
 */
export async function getStationLoadForecast(ctx: Ctx, raw: unknown = {}, now = new Date()) {
  assertCan(ctx, "kitchen.forecast");
  const input = parseInput(stationLoadForecastSchema, raw);
  const bucketMinutes = Number(input.bucket);
  const location = await reportLocation(ctx);
  const { rules } = location;
  const buckets = loadBuckets(now, input.hours, bucketMinutes);
  const lag = FIRE_LAG_MINUTES * 60_000;
  const today = businessDateOf(now, rules);
  const days = Array.from({ length: HISTORY_WEEKS }, (_, w) => businessDayRange(addDays(today, -7 * (w + 1)), rules));
  const inDays = Prisma.sql`(${Prisma.join(
    days.map((d) => Prisma.sql`(i."firedAt" >= ${d.start} AND i."firedAt" < ${d.end})`),
    " OR ",
  )}) AND i."status" <> 'VOIDED'`;
  const hourOf = (col: Prisma.Sql) => localHourSql(col, rules);

  const [stations, open, reservations, history] = await Promise.all([
    db.kitchenStation.findMany({
      where: { locationId: ctx.locationId, archivedAt: null, isExpo: false },
      select: { id: true, name: true, slug: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    }),
    db.$queryRaw<{ stationId: string; lines: number }[]>`
      SELECT l."stationId", count(*)::int AS lines FROM (${stationLinesSql(
        ctx.locationId,
        Prisma.sql`i."status" = 'SENT' AND i."firedAt" IS NOT NULL AND i."bumpedAt" IS NULL`,
      )}) l
      WHERE true GROUP BY 1`,
    db.reservation.findMany({
      where: {
        locationId: ctx.locationId,
        status: { in: ["BOOKED", "CONFIRMED", "ARRIVED"] },
        startsAt: {
          gte: new Date(now.getTime() - LATE_PARTY_MINUTES * 60_000),
          lt: new Date(buckets[buckets.length - 1].end.getTime() - lag),
        },
      },
      select: { startsAt: true, partySize: true },
    }),
    db.$queryRaw<{ kind: "covers" | "lines" | "walkIn" | "days"; hour: number | null; stationId: string | null; n: number }[]>`
      WITH l AS (${stationLinesSql(ctx.locationId, inDays)}),
      o AS (
        SELECT o."id", o."guestCount", ${hourOf(Prisma.sql`o."openedAt"`)} AS hour,
               NOT EXISTS (SELECT 1 FROM "Reservation" r WHERE r."orderId" = o."id" AND r."source" <> 'WALK_IN') AS "walkIn"
        FROM "Order" o WHERE o."id" IN (SELECT "orderId" FROM l)
      )
      SELECT 'covers' AS kind, o.hour, NULL AS "stationId", sum(o."guestCount")::int AS n FROM o GROUP BY o.hour
      UNION ALL
      SELECT 'lines', o.hour, l."stationId", count(*)::int FROM l JOIN o ON o."id" = l."orderId" GROUP BY o.hour, l."stationId"
      UNION ALL
      SELECT 'walkIn', ${hourOf(Prisma.sql`l."firedAt"`)}, l."stationId", count(*)::int
      FROM l JOIN o ON o."id" = l."orderId" WHERE o."walkIn" GROUP BY 2, 3
      UNION ALL
      SELECT 'days', NULL, NULL, count(DISTINCT ${businessDateSql(Prisma.sql`l."firedAt"`, rules)})::int FROM l`,
  ]);

  const byHour = new Map<number, HourHistory>();
  const walkByHour = new Map<number, WalkInHistory>();
  let weeks = 0;
  for (const r of history) {
    if (r.kind === "days") weeks = r.n;
    else if (r.hour === null) continue;
    else if (r.kind === "walkIn") {
      const w = walkByHour.get(r.hour) ?? { hour: r.hour, lines: {} };
      w.lines[r.stationId!] = r.n;
      walkByHour.set(r.hour, w);
    } else {
      const h = byHour.get(r.hour) ?? { hour: r.hour, covers: 0, lines: {} };
      if (r.kind === "covers") h.covers = r.n;
      else h.lines[r.stationId!] = r.n;
      byHour.set(r.hour, h);
    }
  }
  const forecast = forecastLoad({
    now,
    timeZone: rules.timeZone,
    hours: input.hours,
    bucketMinutes,
    stationIds: stations.map((s) => s.id),
    open: Object.fromEntries(open.map((o) => [o.stationId, o.lines])),
    reservations,
    history: [...byHour.values()],
    walkIns: input.walkIns === "true" ? [...walkByHour.values()] : null,
    weeks,
  });
  return {
    generatedAt: now.toISOString(),
    timeZone: rules.timeZone,
    bucketMinutes,
    hours: input.hours,
    stations,
    buckets: forecast.map((b) => ({ start: b.start.toISOString(), end: b.end.toISOString(), stations: b.stations, total: b.total })),
    basis: {
      reservations: reservations.length,
      covers: reservations.reduce((s, r) => s + r.partySize, 0),
      /** Same-weekday days of history found (of HISTORY_WEEKS looked at). */
      historyDays: weeks,
      historyCovers: [...byHour.values()].reduce((s, h) => s + h.covers, 0),
      fireLagMinutes: FIRE_LAG_MINUTES,
      walkIns: input.walkIns === "true",
    },
  };
}

export type StationLoadForecast = Awaited<ReturnType<typeof getStationLoadForecast>>;
