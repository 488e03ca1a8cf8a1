import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { dayRulesOf } from "../schedule/day-rules";
import { businessDateOf } from "../time/business-day";
import { isoDate } from "../time/zoned";
import { parseInput } from "../validation";
import { findTickableTask } from "./find-task";
import { dateColumn } from "./get-today-tasks";
import { publishTaskChanged } from "./publish-task-changed";
import { taskRefSchema, type TaskRefInput } from "./schemas";

/**
 * Tick a task for today's business day: who and when. Ticking a ticked task (a double tap, two
 * screens at once) keeps the first tick and is not an error (ON CONFLICT DO NOTHING).
 */
export async function completeTask(ctx: Ctx, raw: TaskRefInput, now = new Date()) {
  assertCan(ctx, "tasks.tick");
  const { taskId } = parseInput(taskRefSchema, raw);
  const rules = await dayRulesOf(ctx);
  const day = businessDateOf(now, rules);
  const businessDate = isoDate(day);
  const { task, created, tick } = await db.$transaction(async (tx) => {
    const task = await findTickableTask(tx, ctx, taskId, day, rules);
    const { count } = await tx.taskCompletion.createMany({
      data: [{ locationId: ctx.locationId, taskId, businessDate: dateColumn(businessDate), completedById: ctx.userId }],
      skipDuplicates: true,
    });
    const tick = await tx.taskCompletion.findUniqueOrThrow({
      where: { taskId_businessDate: { taskId, businessDate: dateColumn(businessDate) } },
      select: { completedAt: true, completedBy: { select: { name: true } } },
    });
    return { task, created: count === 1, tick };
  });
  if (created)
    publishTaskChanged(ctx, {
      checklistId: task.checklist.id,
      taskId,
      stationId: task.checklist.stationId,
      businessDate,
      done: true,
    });
  return {
    taskId,
    businessDate,
    done: true,
    completedAt: tick.completedAt.toISOString(),
    completedBy: tick.completedBy.name,
    alreadyDone: !created,
  };
}
