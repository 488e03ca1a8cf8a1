import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { TASK_EVENTS } from "../realtime/events";
import { parseInput } from "../validation";
import { publishTaskChanged } from "./publish-task-changed";
import { dueMinutesOf, saveChecklistSchema, type SaveChecklistInput } from "./schemas";

/**
 * Create a checklist or edit one. Tasks keep their ids (and today's ticks) when edited; a task
 * left out is archived, not deleted, because past ticks refer to it.
 */
export async function saveChecklist(ctx: Ctx, raw: SaveChecklistInput) {
  assertCan(ctx, "tasks.manage");
  const input = parseInput(saveChecklistSchema, raw);
  const result = await db.$transaction(async (tx) => {
    if (input.stationId) {
      const station = await tx.kitchenStation.findFirst({
        where: { id: input.stationId, locationId: ctx.locationId, archivedAt: null },
        select: { id: true },
      });
      if (!station)
        throw new AppError("VALIDATION", "Some fields are invalid", { stationId: ["Choose a station from the list"] });
    }
    const data = {
      name: input.name,
      kind: input.kind,
      stationId: input.stationId,
      role: input.role,
      dueMinutes: dueMinutesOf(input.dueTime),
    };
    let id: string;
    if (input.id) {
      const found = await tx.checklist.findFirst({
        where: { id: input.id, locationId: ctx.locationId, archivedAt: null },
        include: { tasks: { where: { archivedAt: null }, select: { id: true } } },
      });
      if (!found) throw notFound("Checklist");
      id = found.id;
      const known = new Set(found.tasks.map((t) => t.id));
      const unknown = input.tasks.findIndex((t) => t.id && !known.has(t.id));
      if (unknown >= 0)
        throw new AppError("VALIDATION", "Some fields are invalid", {
          [`tasks.${unknown}.id`]: ["Not a task of this checklist"],
        });
      await tx.checklist.update({ where: { id }, data });
      const kept = new Set(input.tasks.map((t) => t.id).filter(Boolean));
      await tx.checklistTask.updateMany({
        where: { checklistId: id, archivedAt: null, id: { notIn: [...kept] as string[] } },
        data: { archivedAt: new Date() },
      });
    } else {
      // A new list has no tasks yet: an id would name another list's task.
      const withId = input.tasks.findIndex((t) => t.id);
      if (withId >= 0)
        throw new AppError("VALIDATION", "Some fields are invalid", {
          [`tasks.${withId}.id`]: ["Not a task of this checklist"],
        });
      const last = await tx.checklist.aggregate({ where: { locationId: ctx.locationId }, _max: { sortOrder: true } });
      id = (
        await tx.checklist.create({
          data: { ...data, locationId: ctx.locationId, sortOrder: (last._max.sortOrder ?? -1) + 1 },
        })
      ).id;
    }
    for (const [sortOrder, t] of input.tasks.entries()) {
      if (t.id) await tx.checklistTask.update({ where: { id: t.id }, data: { label: t.label, sortOrder } });
      else await tx.checklistTask.create({ data: { checklistId: id, label: t.label, sortOrder } });
    }
    await auditAs(
      ctx,
      {
        action: input.id ? "tasks.checklist.update" : "tasks.checklist.create",
        entityType: "Checklist",
        entityId: id,
        details: { ...data, tasks: input.tasks.map((t) => t.label) },
      },
      tx,
    );
    return { id, stationId: data.stationId };
  });
  publishTaskChanged(
    ctx,
    { checklistId: result.id, taskId: null, stationId: result.stationId, businessDate: "", done: null },
    TASK_EVENTS.checklistChanged,
  );
  return { id: result.id };
}
