import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import type { DayRules } from "../time/business-day";
import { resolvePeriod, type ReportPeriod } from "./report-period";

export type ReportLocation = { id: string; name: string; currency: string; rules: DayRules };

/** The location a report is about: its name, currency and business-day rules. */
export async function reportLocation(ctx: Ctx): Promise<ReportLocation> {
  const l = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { id: true, name: true, timezone: true, currency: true, businessDayCutoffHour: true },
  });
  return { id: l.id, name: l.name, currency: l.currency, rules: { timeZone: l.timezone, cutoffHour: l.businessDayCutoffHour } };
}

/** The location and the resolved period of a parsed report query. */
export async function reportScope(
  ctx: Ctx,
  input: Parameters<typeof resolvePeriod>[0],
  now = new Date(),
): Promise<{ location: ReportLocation; period: ReportPeriod }> {
  const location = await reportLocation(ctx);
  return { location, period: resolvePeriod(input, location.rules, now) };
}

/** SQL: the business date (YYYY-MM-DD) of a timestamp column — local wall time minus the cut-off. */
export function businessDateSql(column: Prisma.Sql, rules: DayRules): Prisma.Sql {
  return Prisma.sql`to_char(((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${rules.timeZone}) - make_interval(hours => ${rules.cutoffHour}::int), 'YYYY-MM-DD')`;
}

/** SQL: the local wall-clock hour (0–23) of a timestamp column. */
export function localHourSql(column: Prisma.Sql, rules: DayRules): Prisma.Sql {
  return Prisma.sql`extract(hour from ((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${rules.timeZone}))::int`;
}

/** SQL: the ISO weekday (1 = Monday … 7 = Sunday) of the business date of a timestamp column. */
export function businessWeekdaySql(column: Prisma.Sql, rules: DayRules): Prisma.Sql {
  return Prisma.sql`extract(isodow from ((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${rules.timeZone}) - make_interval(hours => ${rules.cutoffHour}::int))::int`;
}
