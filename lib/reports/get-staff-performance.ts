import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { businessDateOf, businessDayRange, weekStartOf } from "../time/business-day";
import { addDays, isoDate, parseIsoDate, type LocalDate } from "../time/zoned";

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

function presetDates(preset: PerformancePreset, today: LocalDate): { from: LocalDate; to: LocalDate } {
  if (preset === "today") return { from: today, to: today };
  const monday = weekStartOf(today);
  if (preset === "this-week") return { from: monday, to: today };
  return { from: addDays(monday, -7), to: addDays(monday, -1) };
}

type ServerRow = { serverId: string; orders: number; covers: number; salesCents: number };
type BumpRow = { key: string | null; tickets: number; timed: number; avgSeconds: number | null };

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
  const today = businessDateOf(new Date(), rules);
  const dates =
    input.from && input.to
      ? { from: parseIsoDate(input.from), to: parseIsoDate(input.to) }
      : presetDates(input.preset ?? "today", today);
  const start = businessDayRange(dates.from, rules).start;
  const end = businessDayRange(dates.to, rules).end;

  const [servers, byCook, byStation] = await Promise.all([
    db.$queryRaw<ServerRow[]>`
      SELECT "serverId", count(*)::int AS orders, coalesce(sum("guestCount"), 0)::int AS covers,
             coalesce(sum("totalCents"), 0)::int AS "salesCents"
      FROM "Order"
      WHERE "locationId" = ${ctx.locationId} AND "serverId" IS NOT NULL AND status <> 'VOIDED'
        AND "openedAt" >= ${start} AND "openedAt" < ${end}
      GROUP BY "serverId"`,
    bumpsBy(ctx.locationId, start, end, "actor"),
    bumpsBy(ctx.locationId, start, end, "station"),
  ]);
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
    period: { from: isoDate(dates.from), to: isoDate(dates.to), preset: input.from ? null : (input.preset ?? "today") },
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
 * earliest fire of the bumped lines to the bump (lines without a fire time are left out).
 */
function bumpsBy(locationId: string, start: Date, end: Date, by: "actor" | "station") {
  return db.$queryRaw<BumpRow[]>`
    WITH bumps AS (
      SELECT e."actorId", e.payload->'stationIds'->>0 AS "stationId", e."createdAt",
        (SELECT min(oi."firedAt") FROM "OrderItem" oi
          WHERE oi."locationId" = ${locationId}
            AND oi.id IN (SELECT jsonb_array_elements_text(coalesce(e.payload->'itemIds', '[]'::jsonb)))) AS "firedAt"
      FROM "OrderEvent" e
      WHERE e."locationId" = ${locationId} AND e.type = 'items.bumped'
        AND e."createdAt" >= ${start} AND e."createdAt" < ${end}
    )
    SELECT CASE WHEN ${by} = 'actor' THEN "actorId" ELSE "stationId" END AS key,
           count(*)::int AS tickets,
           count("firedAt")::int AS timed,
           avg(EXTRACT(EPOCH FROM ("createdAt" - "firedAt"))) FILTER (WHERE "firedAt" IS NOT NULL)::float8 AS "avgSeconds"
    FROM bumps
    GROUP BY 1`;
}
