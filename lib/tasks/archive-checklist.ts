import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { TASK_EVENTS } from "../realtime/events";
import { idSchema, parseInput } from "../validation";
import { publishTaskChanged } from "./publish-task-changed";

export const archiveChecklistSchema = z.object({ id: idSchema });

/** Retire a checklist: it leaves every screen; its past ticks stay for the record. */
export async function archiveChecklist(ctx: Ctx, raw: z.input<typeof archiveChecklistSchema>) {
  assertCan(ctx, "tasks.manage");
  const { id } = parseInput(archiveChecklistSchema, raw);
  const list = await db.$transaction(async (tx) => {
    const found = await tx.checklist.findFirst({ where: { id, locationId: ctx.locationId, archivedAt: null } });
    if (!found) throw notFound("Checklist");
    await tx.checklist.update({ where: { id }, data: { archivedAt: new Date() } });
    await auditAs(
      ctx,
      { action: "tasks.checklist.archive", entityType: "Checklist", entityId: id, details: { name: found.name } },
      tx,
    );
    return found;
  });
  publishTaskChanged(
    ctx,
    { checklistId: id, taskId: null, stationId: list.stationId, businessDate: "", done: null },
    TASK_EVENTS.checklistChanged,
  );
  return { id };
}
