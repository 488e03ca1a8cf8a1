import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import type { DayRules } from "../time/business-day";

/** The acting location's time zone and business-day cut-off (schedules and checklists count days with them). */
export async function dayRulesOf(ctx: Pick<Ctx, "locationId">): Promise<DayRules & { maxWeeklyShiftMinutes: number }> {
  const l = await db.location.findUniqueOrThrow({
    where: { id: ctx.locationId },
    select: { timezone: true, businessDayCutoffHour: true, maxWeeklyShiftMinutes: true },
  });
  return { timeZone: l.timezone, cutoffHour: l.businessDayCutoffHour, maxWeeklyShiftMinutes: l.maxWeeklyShiftMinutes };
}
