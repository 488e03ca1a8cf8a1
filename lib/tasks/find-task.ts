import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";
import { seesChecklist } from "./checklist-rules";

/** A live task of a live checklist at this location that the caller may tick (404 / 403 otherwise). */
export async function findTickableTask(tx: Tx, ctx: Ctx, taskId: string) {
  const task = await tx.checklistTask.findFirst({
    where: { id: taskId, archivedAt: null, checklist: { locationId: ctx.locationId, archivedAt: null } },
    select: { id: true, label: true, checklist: { select: { id: true, name: true, role: true, stationId: true } } },
  });
  if (!task) throw notFound("Task");
  if (!seesChecklist(ctx.role, task.checklist))
    throw new AppError("FORBIDDEN", `"${task.checklist.name}" is not one of your role's checklists`);
  return task;
}
