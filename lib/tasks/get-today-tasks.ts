import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { notFound } from "../errors";
import { dayRulesOf } from "../schedule/day-rules";
import { businessDateOf } from "../time/business-day";
import { isoDate } from "../time/zoned";
import { parseInput } from "../validation";
import { checklistStatus, dueInstant, seesChecklist } from "./checklist-rules";
import { assignmentOf, shiftAssignmentsOn } from "./shift-assignments";
import { dueTimeOf, todayTasksSchema, type TodayTasksInput } from "./schemas";

/** A business date as the DATE column stores it. */
export const dateColumn = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * Today's checklists (the business day, with the location's cut-off) with each task's tick: who and
 * when, and who the list is handed to (people on today's published shifts). Managers see every
 * list; others the lists for their role and those handed to their shift today; `station` narrows
 * to a kitchen station's lists (the kitchen screen's drawer) plus the caller's own shift lists.
 */
export async function getTodayTasks(ctx: Ctx, raw: TodayTasksInput = {}, now = new Date()) {
  assertCan(ctx, "tasks.tick");
  const input = parseInput(todayTasksSchema, raw);
  const rules = await dayRulesOf(ctx);
  const day = businessDateOf(now, rules);
  const businessDate = isoDate(day);
  let stationId: string | undefined;
  if (input.station) {
    const station = await db.kitchenStation.findFirst({
      where: { locationId: ctx.locationId, OR: [{ id: input.station }, { slug: input.station }] },
      select: { id: true },
    });
    if (!station) throw notFound("Station");
    stationId = station.id;
  }
  const assigned = await shiftAssignmentsOn(db, ctx.locationId, day, rules);
  const mine = [...assigned].filter(([, people]) => people.some((p) => p.userId === ctx.userId)).map(([id]) => id);
  const rows = await db.checklist.findMany({
    where: {
      locationId: ctx.locationId,
      archivedAt: null,
      ...(stationId ? { OR: [{ stationId }, { id: { in: mine } }] } : {}),
    },
    select: {
      id: true,
      name: true,
      kind: true,
      role: true,
      stationId: true,
      dueMinutes: true,
      station: { select: { name: true } },
      tasks: {
        where: { archivedAt: null },
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: {
          id: true,
          label: true,
          completions: {
            where: { businessDate: dateColumn(businessDate) },
            select: { completedAt: true, completedBy: { select: { id: true, name: true } } },
          },
        },
      },
    },
    orderBy: [{ dueMinutes: { sort: "asc", nulls: "last" } }, { sortOrder: "asc" }],
  });
  const checklists = rows
    .filter((c) => seesChecklist(ctx.role, c, assignmentOf(assigned.get(c.id), ctx.userId)))
    .map((c) => {
      const assignees = (assigned.get(c.id) ?? []).map((a) => ({
        name: a.name,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
        me: a.userId === ctx.userId,
      }));
      const due = c.dueMinutes == null ? null : dueInstant(day, c.dueMinutes, rules);
      const tasks = c.tasks.map((t) => {
        const tick = t.completions[0];
        return {
          id: t.id,
          label: t.label,
          done: !!tick,
          completedAt: tick?.completedAt.toISOString() ?? null,
          completedBy: tick ? tick.completedBy.name : null,
        };
      });
      const done = tasks.filter((t) => t.done).length;
      return {
        id: c.id,
        name: c.name,
        kind: c.kind,
        role: c.role,
        stationId: c.stationId,
        stationName: c.station?.name ?? null,
        dueTime: dueTimeOf(c.dueMinutes),
        dueAt: due?.toISOString() ?? null,
        done,
        total: tasks.length,
        status: checklistStatus(done, tasks.length, due, now),
        /** People whose shift today this list is handed to (empty: by role/station only). */
        assignees,
        tasks,
      };
    });
  return {
    businessDate,
    timeZone: rules.timeZone,
    checklists,
    overdue: checklists.filter((c) => c.status === "OVERDUE").length,
  };
}
