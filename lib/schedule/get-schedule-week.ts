import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { addDays, isoDate, parseIsoDate } from "../time/zoned";
import { parseInput } from "../validation";
import { isoWeekSchema } from "./schemas";
import { SHIFT_SELECT } from "./shift-refs";
import { dayRulesOf } from "./day-rules";
import { limitLevel, mondayOf, totalsByUser, weekBounds, weekDays, weekOf } from "./week";

export const getScheduleWeekSchema = z.object({ week: isoWeekSchema.optional() });

/** Everything the manager's week grid shows: staff rows, stations, the week's shifts and each person's total. */
export async function getScheduleWeek(ctx: Ctx, raw: z.input<typeof getScheduleWeekSchema> = {}) {
  assertCan(ctx, "schedule.manage");
  const input = parseInput(getScheduleWeekSchema, raw);
  const rules = await dayRulesOf(ctx);
  const tz = rules.timeZone;
  const monday = input.week ? mondayOf(parseIsoDate(input.week)) : weekOf(new Date(), rules);
  const { from, to } = weekBounds(monday, rules);
  const [members, stations, shifts, checklists] = await Promise.all([
    db.membership.findMany({
      where: { locationId: ctx.locationId, user: { active: true } },
      select: { role: true, user: { select: { id: true, name: true } } },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    }),
    db.kitchenStation.findMany({
      where: { locationId: ctx.locationId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { sortOrder: "asc" },
    }),
    db.shift.findMany({
      where: { locationId: ctx.locationId, startsAt: { lt: to }, endsAt: { gt: from } },
      select: { ...SHIFT_SELECT, checklists: { select: { checklistId: true } } },
      orderBy: { startsAt: "asc" },
    }),
    // The lists a shift can be handed (the dialog offers them).
    db.checklist.findMany({
      where: { locationId: ctx.locationId, archivedAt: null },
      select: { id: true, name: true, kind: true },
      orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    }),
  ]);
  const totals = totalsByUser(shifts, from, to);
  const limit = rules.maxWeeklyShiftMinutes;
  return {
    timeZone: tz,
    cutoffHour: rules.cutoffHour,
    week: isoDate(monday),
    previousWeek: isoDate(addDays(monday, -7)),
    nextWeek: isoDate(addDays(monday, 7)),
    days: weekDays(monday).map(isoDate),
    from: from.toISOString(),
    to: to.toISOString(),
    limitMinutes: limit,
    staff: members.map((m) => {
      const minutes = totals.get(m.user.id) ?? 0;
      return { userId: m.user.id, name: m.user.name, role: m.role, minutes, level: limitLevel(minutes, limit) };
    }),
    stations,
    checklists,
    shifts: shifts.map(({ checklists: lists, ...s }) => ({
      ...s,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      checklistIds: lists.map((l) => l.checklistId),
    })),
    drafts: shifts.filter((s) => !s.publishedAt).length,
  };
}
