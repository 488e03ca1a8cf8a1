import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { dayRulesOf } from "../schedule/day-rules";
import { businessDateOf } from "../time/business-day";
import { isoDate } from "../time/zoned";
import { parseInput } from "../validation";
import { findTickableTask } from "./find-task";
import { dateColumn } from "./get-today-tasks";
import { publishTaskChanged } from "./publish-task-changed";
import { taskRefSchema, type TaskRefInput } from "./schemas";

/** Untick today's tick (audited with who had ticked it and when). Unticking an open task changes nothing. */
export async function uncompleteTask(ctx: Ctx, raw: TaskRefInput, now = new Date()) {
  assertCan(ctx, "tasks.tick");
  const { taskId } = parseInput(taskRefSchema, raw);
  const rules = await dayRulesOf(ctx);
  const day = businessDateOf(now, rules);
  const businessDate = isoDate(day);
  const { task, removed } = await db.$transaction(async (tx) => {
    const task = await findTickableTask(tx, ctx, taskId, day, rules);
    const where = { taskId_businessDate: { taskId, businessDate: dateColumn(businessDate) } };
    const tick = await tx.taskCompletion.findUnique({
      where,
      select: { id: true, completedAt: true, completedById: true },
    });
    if (!tick) return { task, removed: false };
    // Two screens unticking at once: the second finds nothing to delete and changes nothing.
    const { count } = await tx.taskCompletion.deleteMany({ where: { id: tick.id } });
    if (count === 0) return { task, removed: false };
    await auditAs(
      ctx,
      {
        action: "tasks.task.untick",
        entityType: "ChecklistTask",
        entityId: taskId,
        details: {
          checklistId: task.checklist.id,
          label: task.label,
          businessDate,
          tickedBy: tick.completedById,
          tickedAt: tick.completedAt.toISOString(),
        },
      },
      tx,
    );
    return { task, removed: true };
  });
  if (removed)
    publishTaskChanged(ctx, {
      checklistId: task.checklist.id,
      taskId,
      stationId: task.checklist.stationId,
      businessDate,
      done: false,
    });
  return { taskId, businessDate, done: false };
}
