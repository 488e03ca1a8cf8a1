import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { resolvePeriod } from "./report-period";

export const PERFORMANCE_PRESETS = ["today", "this-week", "last-week"] as const;
export type PerformancePreset = (typeof PERFORMANCE_PRESETS)[number];

/** A preset, or business dates from/to (inclusive, at most 92 days). Default: today. */
export const staffPerformanceSchema = z
  .object({
    preset: z.enum(PERFORMANCE_PRESETS, { error: "Choose today, this week or last week" }).optional(),
    from: z.iso.date("Use a date like 2026-11-30").optional(),
    to: z.iso.date("Use a date like 2026-12-06").optional(),
  })
  .superRefine((p, c) => {
    if ((p.from && !p.to) || (!p.from && p.to))
      c.addIssue({ code: "custom", path: [p.from ? "to" : "from"], message: "Give both the first and the last date" });
    if (p.from && p.to && p.from > p.to)
      c.addIssue({ code: "custom", path: ["from"], message: "Must be on or before the last date" });
    if (p.from && p.to && Date.parse(p.to) - Date.parse(p.from) > 92 * 86_400_000)
      c.addIssue({ code: "custom", path: ["to"], message: "At most 93 days" });
  });
export type StaffPerformanceInput = z.input<typeof staffPerformanceSchema>;

type ServerRow = { serverId: string; orders: number; covers: number; salesCents: number };
type BumpRow = { by: "actor" | "station"; key: string | null; tickets: number; timed: number; avgSeconds: number | null };

/**
 * Per server: orders, covers, sales and average check (tips: none until payments exist). Per cook
 * and per station: tickets bumped and average ticket time (fire → bump), from the kitchen's
 * `items.bumped` events.
 */
export async function getStaffPerformance(ctx: Ctx, raw: unknown) {
  assertCan(ctx, "console.use");
  const input = parseInput(staffPerformanceSchema, raw);
  const location = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { timezone: true, currency: true, businessDayCutoffHour: true },
  });
  const rules = { timeZone: location.timezone, cutoffHour: location.businessDayCutoffHour };
  // The shared period rules (business day, presets); this page offers three of the presets.
  const { start, end, from, to } = resolvePeriod(
    input.from && input.to ? { from: input.from, to: input.to } : { preset: input.preset ?? "today" },
    rules,
  );

  const [servers, bumps] = await Promise.all([
    db.$queryRaw<ServerRow[]>`
      SELECT "serverId", count(*)::int AS orders, coalesce(sum("guestCount"), 0)::int AS covers,
             coalesce(sum("totalCents"), 0)::int AS "salesCents"
      FROM "Order"
      WHERE "locationId" = ${ctx.locationId} AND "serverId" IS NOT NULL AND status <> 'VOIDED'
        AND "openedAt" >= ${start} AND "openedAt" < ${end}
      GROUP BY "serverId"`,
    bumpsBy(ctx.locationId, start, end),
  ]);
  const byCook = bumps.filter((b) => b.by === "actor");
  const byStation = bumps.filter((b) => b.by === "station");
  const userIds = [...servers.map((s) => s.serverId), ...byCook.flatMap((c) => (c.key ? [c.key] : []))];
  const [users, stations] = await Promise.all([
    db.user.findMany({
      where: { id: { in: userIds }, memberships: { some: { locationId: ctx.locationId } } },
      select: { id: true, name: true },
    }),
    db.kitchenStation.findMany({ where: { locationId: ctx.locationId }, select: { id: true, name: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const stationName = new Map(stations.map((s) => [s.id, s.name]));
  const seconds = (r: BumpRow) => (r.avgSeconds === null ? null : Math.round(Number(r.avgSeconds)));

  return {
    currency: location.currency,
    timeZone: location.timezone,
    period: { from, to, preset: input.from ? null : (input.preset ?? "today") },
    /** Payments are not recorded yet, so there are no tips to report. */
    tipsRecorded: false,
    servers: servers
      .map((s) => ({
        userId: s.serverId,
        name: userName.get(s.serverId) ?? "Former staff",
        orders: s.orders,
        covers: s.covers,
        salesCents: s.salesCents,
        averageCheckCents: s.orders ? Math.round(s.salesCents / s.orders) : 0,
        tipsCents: null as number | null,
      }))
      .sort((a, b) => b.salesCents - a.salesCents || a.name.localeCompare(b.name)),
    cooks: byCook
      .map((c) => ({
        userId: c.key,
        name: c.key ? (userName.get(c.key) ?? "Former staff") : "Unknown",
        tickets: c.tickets,
        averageTicketSeconds: seconds(c),
      }))
      .sort((a, b) => b.tickets - a.tickets || a.name.localeCompare(b.name)),
    stations: byStation
      .map((s) => ({
        stationId: s.key,
        name: s.key ? (stationName.get(s.key) ?? "Removed station") : "No station",
        tickets: s.tickets,
        averageTicketSeconds: seconds(s),
      }))
      .sort((a, b) => b.tickets - a.tickets || a.name.localeCompare(b.name)),
  };
}

/**
 * One `items.bumped` event is one ticket bumped at one station. Its ticket time runs from the
 * earliest fire of the bumped lines to the bump (lines without a fire time, or fired more than a day
 * before the period, are left out). Per cook and per station in one pass (grouping sets) over the
 * period's events on the (locationId, type, createdAt) index; their lines are hash-joined from the
 * (locationId, firedAt) index rather than looked up one by one.
 */
function bumpsBy(locationId: string, start: Date, end: Date) {
  const firedFrom = new Date(start.getTime() - 86_400_000);
  return db.$queryRaw<BumpRow[]>`
    WITH e AS (
      SELECT e."id", e."actorId", e.payload->'stationIds'->>0 AS "stationId", e."createdAt",
             coalesce(e.payload->'itemIds', '[]'::jsonb) AS "itemIds"
      FROM "OrderEvent" e
      WHERE e."locationId" = ${locationId} AND e.type = 'items.bumped'
        AND e."createdAt" >= ${start} AND e."createdAt" < ${end}
    ), fired AS (
      SELECT e."id", min(oi."firedAt") AS "firedAt"
      FROM e
      CROSS JOIN jsonb_array_elements_text(e."itemIds") AS x(id)
      JOIN "OrderItem" oi ON oi.id = x.id AND oi."locationId" = ${locationId}
        AND oi."firedAt" >= ${firedFrom} AND oi."firedAt" < ${end}
      GROUP BY e."id"
    ), bumps AS (
      SELECT e."actorId", e."stationId", e."createdAt", f."firedAt" FROM e LEFT JOIN fired f ON f."id" = e."id"
    )
    SELECT CASE WHEN GROUPING("actorId") = 0 THEN 'actor' ELSE 'station' END AS by,
           CASE WHEN GROUPING("actorId") = 0 THEN "actorId" ELSE "stationId" END AS key,
           count(*)::int AS tickets,
           count("firedAt")::int AS timed,
           avg(EXTRACT(EPOCH FROM ("createdAt" - "firedAt")))::float8 AS "avgSeconds"
    FROM bumps
    GROUP BY GROUPING SETS (("actorId"), ("stationId"))`;
}
