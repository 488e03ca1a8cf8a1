import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";
import type { DayRules } from "../time/business-day";
import type { LocalDate } from "../time/zoned";
import { seesChecklist } from "./checklist-rules";
import { assignmentOf, shiftAssignmentsOn } from "./shift-assignments";

/**
 * A live task of a live checklist at this location that the caller may tick on business day `day`
 * (their role's lists, or one handed to their shift that day); 404 / 403 otherwise.
 */
export async function findTickableTask(tx: Tx, ctx: Ctx, taskId: string, day: LocalDate, rules: DayRules) {
  const task = await tx.checklistTask.findFirst({
    where: { id: taskId, archivedAt: null, checklist: { locationId: ctx.locationId, archivedAt: null } },
    select: { id: true, label: true, checklist: { select: { id: true, name: true, role: true, stationId: true } } },
  });
  if (!task) throw notFound("Task");
  const assigned = await shiftAssignmentsOn(tx, ctx.locationId, day, rules, { checklistId: task.checklist.id });
  const shift = assignmentOf(assigned.get(task.checklist.id), ctx.userId);
  if (!seesChecklist(ctx.role, task.checklist, shift))
    throw new AppError("FORBIDDEN", `"${task.checklist.name}" is not one of your checklists today`);
  return task;
}
