import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { jsonShift } from "./create-shift";
import { timeErrors, updateShiftSchema, type UpdateShiftInput } from "./schemas";
import { refusingShiftConflicts } from "./shift-db-errors";
import { publishShiftListsChanged, setShiftChecklists } from "./shift-checklists";
import { checkShiftRefs, SHIFT_SELECT } from "./shift-refs";

/** Move, resize, reassign or re-station a shift. A published shift stays published (staff see the change). */
export async function updateShift(ctx: Ctx, raw: UpdateShiftInput) {
  assertCan(ctx, "schedule.manage");
  const { id, checklistIds, ...patch } = parseInput(updateShiftSchema, raw);
  const { shift, touched } = await refusingShiftConflicts(() =>
    db.$transaction(async (tx) => {
      const before = await tx.shift.findFirst({ where: { id, locationId: ctx.locationId }, select: SHIFT_SELECT });
      if (!before) throw notFound("Shift");
      const next = {
        userId: patch.userId ?? before.userId,
        stationId: patch.stationId === undefined ? before.stationId : patch.stationId,
        startsAt: patch.startsAt ? new Date(patch.startsAt) : before.startsAt,
        endsAt: patch.endsAt ? new Date(patch.endsAt) : before.endsAt,
        notes: patch.notes ?? before.notes,
      };
      const errors = timeErrors(next.startsAt, next.endsAt);
      if (errors) throw new AppError("VALIDATION", "Some fields are invalid", errors);
      const { role } = await checkShiftRefs(tx, ctx, next);
      const shift = await tx.shift.update({
        where: { id },
        data: { ...next, role: patch.role ?? (patch.userId && patch.userId !== before.userId ? role : before.role) },
        select: SHIFT_SELECT,
      });
      const listsBefore = await tx.shiftChecklist.findMany({ where: { shiftId: id }, select: { checklistId: true } });
      const checklists = await setShiftChecklists(tx, ctx, id, checklistIds);
      await auditAs(
        ctx,
        {
          action: "schedule.shift.update",
          entityType: "Shift",
          entityId: id,
          details: {
            before: jsonShift(before),
            after: jsonShift(shift),
            ...(checklists ? { checklistIds: checklists } : {}),
          },
        },
        tx,
      );
      // A published shift's lists reach (or leave) its person's screens, on its old and new day.
      const ids = [...new Set([...listsBefore.map((l) => l.checklistId), ...(checklists ?? [])])];
      const touched = before.publishedAt
        ? ids.flatMap((checklistId) => [
            { checklistId, startsAt: before.startsAt },
            { checklistId, startsAt: shift.startsAt },
          ])
        : [];
      return { shift, touched };
    }),
  );
  await publishShiftListsChanged(ctx, touched);
  return shift;
}
