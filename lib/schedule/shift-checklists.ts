import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { TASK_EVENTS } from "../realtime/events";
import { publishTaskChanged } from "../tasks/publish-task-changed";
import { businessDateOf } from "../time/business-day";
import { isoDate } from "../time/zoned";
import { dayRulesOf } from "./day-rules";

/**
 * Replace the checklists handed to a shift with `checklistIds` (live lists of this location only;
 * anything else is a field error). `undefined` leaves them as they are. Returns the ids now set.
 */
export async function setShiftChecklists(
  tx: Tx,
  ctx: Ctx,
  shiftId: string,
  checklistIds: readonly string[] | undefined,
): Promise<string[] | undefined> {
  if (checklistIds === undefined) return undefined;
  const wanted = [...new Set(checklistIds)];
  const found = wanted.length
    ? await tx.checklist.findMany({
        where: { id: { in: wanted }, locationId: ctx.locationId, archivedAt: null },
        select: { id: true },
      })
    : [];
  if (found.length !== wanted.length)
    throw new AppError("VALIDATION", "Some fields are invalid", {
      checklistIds: ["Choose checklists from the list (archived ones cannot be handed out)"],
    });
  await tx.shiftChecklist.deleteMany({ where: { shiftId, checklistId: { notIn: wanted } } });
  if (wanted.length)
    await tx.shiftChecklist.createMany({
      data: wanted.map((checklistId) => ({ shiftId, checklistId })),
      skipDuplicates: true,
    });
  return wanted;
}

/**
 * After commit: the lists handed to (or taken from) published shifts changed who sees them, so
 * every checklist screen refetches (the same hint as an edited checklist). Drafts change nothing.
 */
export async function publishShiftListsChanged(
  ctx: Pick<Ctx, "locationId" | "requestId">,
  changes: readonly { checklistId: string; startsAt: Date }[],
): Promise<void> {
  if (changes.length === 0) return;
  const rules = await dayRulesOf(ctx);
  const seen = new Set<string>();
  for (const { checklistId, startsAt } of changes) {
    const businessDate = isoDate(businessDateOf(startsAt, rules));
    if (seen.has(`${checklistId}|${businessDate}`)) continue;
    seen.add(`${checklistId}|${businessDate}`);
    publishTaskChanged(
      ctx,
      { checklistId, taskId: null, stationId: null, businessDate, done: null },
      TASK_EVENTS.checklistChanged,
    );
  }
}
