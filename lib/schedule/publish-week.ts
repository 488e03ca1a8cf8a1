import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { dayRulesOf } from "./day-rules";
import { parseInput } from "../validation";
import { publishShiftListsChanged } from "./shift-checklists";
import { parseIsoDate } from "../time/zoned";
import { weekInputSchema, type WeekInput } from "./schemas";
import { mondayOf, weekBounds } from "./week";

/** Publish a week's drafts: from now on the staff see them (shifts starting in the business week). */
export async function publishWeek(ctx: Ctx, raw: WeekInput) {
  assertCan(ctx, "schedule.manage");
  const input = parseInput(weekInputSchema, raw);
  const rules = await dayRulesOf(ctx);
  const monday = mondayOf(parseIsoDate(input.week));
  const { from, to } = weekBounds(monday, rules);
  const result = await db.$transaction(async (tx) => {
    const publishedAt = new Date();
    const { count } = await tx.shift.updateMany({
      where: { locationId: ctx.locationId, startsAt: { gte: from, lt: to }, publishedAt: null },
      data: { publishedAt },
    });
    await auditAs(
      ctx,
      {
        action: "schedule.week.publish",
        entityType: "Location",
        entityId: ctx.locationId,
        details: { week: input.week, count },
      },
      tx,
    );
    // The lists handed to the shifts just published now reach their people.
    const lists = await tx.shiftChecklist.findMany({
      where: { shift: { locationId: ctx.locationId, publishedAt } },
      select: { checklistId: true, shift: { select: { startsAt: true } } },
    });
    return {
      week: input.week,
      published: count,
      publishedAt: publishedAt.toISOString(),
      touched: lists.map((l) => ({ checklistId: l.checklistId, startsAt: l.shift.startsAt })),
    };
  });
  const { touched, ...published } = result;
  await publishShiftListsChanged(ctx, touched);
  return published;
}
