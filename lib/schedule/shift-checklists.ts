import "server-only";
import type { Ctx } from "../auth/context";
import type { Tx } from "../db";
import { AppError } from "../errors";

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
