import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { publishMenuChanged } from "../menu/publish-menu-changed";
import { idSchema, parseInput } from "../validation";
import { toCsv } from "../csv/stringify";
import { businessDateOf, type DayRules } from "../time/business-day";
import { isoDate } from "../time/zoned";
import { FENCE_IQR, MIN_COOK_SECONDS, suggestedMinutes } from "./prep-time-rules";
import { reportLocation } from "./report-context";
import { checkPeriodFields, reportPeriodFields, resolvePeriod, type ReportPeriod } from "./report-period";

/**
 * The window: a shared preset or custom business dates in the location's zone (default: the last
 * 28 days before today), or `days` — the original rolling window ending now, kept for integrations.
 * No comparison: a learned time is not a figure that rises or falls.
 */
export const learnedPrepTimesSchema = z
  .object({
    preset: reportPeriodFields.preset,
    from: reportPeriodFields.from,
    to: reportPeriodFields.to,
    format: reportPeriodFields.format,
    days: z.coerce.number().int("Whole days").min(1, "At least 1 day").max(365, "365 days at most").optional(),
  })
  .superRefine((p, c) => {
    if (p.days !== undefined && (p.preset || p.from || p.to))
      c.addIssue({ code: "custom", path: ["days"], message: "Give a number of days or a period, not both" });
    checkPeriodFields(p, c);
  });
export type LearnedPrepTimesInput = z.input<typeof learnedPrepTimesSchema>;

/** The period a query asks for; `days` is a rolling window, labelled as such. */
function prepWindow(input: z.infer<typeof learnedPrepTimesSchema>, rules: DayRules, now: Date): ReportPeriod {
  if (input.days === undefined) {
    const preset = input.preset ?? (input.from ? undefined : "last-28-days");
    return resolvePeriod({ preset, from: input.from, to: input.to, compare: "none" }, rules, now);
  }
  const since = new Date(now.getTime() - input.days * 86_400_000);
  const from = isoDate(businessDateOf(since, rules));
  const to = isoDate(businessDateOf(now, rules));
  return {
    preset: "custom",
    from,
    to,
    start: since,
    end: now,
    days: input.days,
    label: `The last ${input.days} × 24 hours`,
    previous: null,
    timeZone: rules.timeZone,
    cutoffHour: rules.cutoffHour,
  };
}

type Row = {
  menuItemId: string;
  name: string;
  stationName: string | null;
  prepMinutes: number | null;
  samples: number;
  discarded: number;
  medianSeconds: number;
  p90Seconds: number;
};

/**
 * Each dish's real cook time from the kitchen's bumps (fired → bumped at its station) in the
 * window: median and p90 after dropping instant bumps and lines left on the screen (Tukey's far-out
 * fence), with the target it suggests. One statement on the (location, firedAt) index.
 */
export async function getLearnedPrepTimes(ctx: Ctx, raw: unknown = {}, now = new Date()) {
  assertCan(ctx, "menu.edit");
  const input = parseInput(learnedPrepTimesSchema, raw);
  const location = await reportLocation(ctx);
  const period = prepWindow(input, location.rules, now);
  const since = period.start;
  const until = period.end;
  const rows = await db.$queryRaw<Row[]>`
    WITH t AS (
      SELECT i."menuItemId", EXTRACT(EPOCH FROM (i."bumpedAt" - i."firedAt"))::float8 AS s
      FROM "OrderItem" i
      WHERE i."locationId" = ${ctx.locationId} AND i."firedAt" >= ${since} AND i."firedAt" < ${until}
        AND i."bumpedAt" > i."firedAt" AND i."stationId" IS NOT NULL AND i."status" <> 'VOIDED'
    ), fence AS (
      SELECT "menuItemId", count(*)::int AS total,
             percentile_cont(0.75) WITHIN GROUP (ORDER BY s)
               + ${FENCE_IQR}::float8 * (percentile_cont(0.75) WITHIN GROUP (ORDER BY s)
                                         - percentile_cont(0.25) WITHIN GROUP (ORDER BY s)) AS hi
      FROM t GROUP BY 1
    ), kept AS (
      SELECT t."menuItemId", count(*)::int AS samples,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY t.s)::float8 AS "medianSeconds",
             percentile_cont(0.9) WITHIN GROUP (ORDER BY t.s)::float8 AS "p90Seconds"
      FROM t JOIN fence f USING ("menuItemId")
      WHERE t.s >= ${MIN_COOK_SECONDS}::float8 AND t.s <= f.hi
      GROUP BY 1
    )
    SELECT m."id" AS "menuItemId", m."name", st."name" AS "stationName", m."prepMinutes",
           COALESCE(k.samples, 0) AS samples, f.total - COALESCE(k.samples, 0) AS discarded,
           COALESCE(k."medianSeconds", 0) AS "medianSeconds", COALESCE(k."p90Seconds", 0) AS "p90Seconds"
    FROM fence f
    JOIN "MenuItem" m ON m."id" = f."menuItemId"
    LEFT JOIN kept k ON k."menuItemId" = f."menuItemId"
    LEFT JOIN "KitchenStation" st ON st."id" = m."stationId"
    WHERE m."archivedAt" IS NULL
    ORDER BY m."name"`;
  return {
    /** How many days the window spans. */
    days: period.days,
    /** The window's instants (ISO). */
    from: since.toISOString(),
    to: until.toISOString(),
    period,
    locationName: location.name,
    items: rows.map((r) => {
      const suggested = suggestedMinutes(r);
      return {
        ...r,
        medianSeconds: Math.round(r.medianSeconds),
        p90Seconds: Math.round(r.p90Seconds),
        suggestedMinutes: suggested,
        /** The suggestion differs from the dish's current target (none counts as different). */
        differs: suggested !== null && suggested !== r.prepMinutes,
      };
    }),
  };
}

export type LearnedPrepTimes = Awaited<ReturnType<typeof getLearnedPrepTimes>>;

export const acceptPrepTimeSchema = z.object({
  menuItemId: idSchema,
  minutes: z.number({ error: "Minutes are required" }).int("Whole minutes").min(1, "At least 1 minute").max(240, "240 minutes at most"),
});
export type AcceptPrepTimeInput = z.input<typeof acceptPrepTimeSchema>;

/**
 * A manager accepts a learned time as the dish's prep target (one click): kitchen tickets colour
 * against it from their next refresh. Audited with before and after.
 */
export async function acceptPrepTime(ctx: Ctx, raw: AcceptPrepTimeInput) {
  assertCan(ctx, "menu.edit");
  const input = parseInput(acceptPrepTimeSchema, raw);
  const result = await db.$transaction(async (tx) => {
    const item = await tx.menuItem.findFirst({
      where: { id: input.menuItemId, locationId: ctx.locationId },
      select: { id: true, name: true, prepMinutes: true, archivedAt: true },
    });
    if (!item) throw notFound("Menu item");
    if (item.archivedAt) throw new AppError("INVALID_STATE", `${item.name} is archived`);
    await tx.menuItem.update({ where: { id: item.id }, data: { prepMinutes: input.minutes } });
    await auditAs(
      ctx,
      {
        action: "menu_item.prep_time_accepted",
        entityType: "MenuItem",
        entityId: item.id,
        details: { name: item.name, before: item.prepMinutes, after: input.minutes },
      },
      tx,
    );
    return { menuItemId: item.id, name: item.name, prepMinutes: input.minutes, previous: item.prepMinutes };
  });
  await publishMenuChanged(ctx, [result.menuItemId]);
  return result;
}

/** The report as CSV: one row per dish, seconds and minutes as plain numbers. */
export function learnedPrepTimesCsv(report: LearnedPrepTimes): string {
  return toCsv(
    ["item", "station", "samples", "discarded", "median_seconds", "p90_seconds", "current_target_minutes", "suggested_minutes"],
    report.items.map((i) => [
      i.name,
      i.stationName ?? "",
      i.samples,
      i.discarded,
      i.medianSeconds,
      i.p90Seconds,
      i.prepMinutes ?? "",
      i.suggestedMinutes ?? "",
    ]),
  );
}
