import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { notFound } from "../errors";
import { idSchema, parseInput } from "../validation";
import { jsonShift } from "./create-shift";
import { publishShiftListsChanged } from "./shift-checklists";
import { SHIFT_SELECT } from "./shift-refs";

export const deleteShiftSchema = z.object({ id: idSchema });

/** Remove a shift (punches that refer to it keep their times; their shiftId becomes null). */
export async function deleteShift(ctx: Ctx, raw: z.input<typeof deleteShiftSchema>) {
  assertCan(ctx, "schedule.manage");
  const { id } = parseInput(deleteShiftSchema, raw);
  const { touched } = await db.$transaction(async (tx) => {
    const shift = await tx.shift.findFirst({ where: { id, locationId: ctx.locationId }, select: SHIFT_SELECT });
    if (!shift) throw notFound("Shift");
    const lists = await tx.shiftChecklist.findMany({ where: { shiftId: id }, select: { checklistId: true } });
    await tx.shift.delete({ where: { id } });
    await auditAs(
      ctx,
      {
        action: "schedule.shift.delete",
        entityType: "Shift",
        entityId: id,
        details: { ...jsonShift(shift), published: shift.publishedAt != null },
      },
      tx,
    );
    const touched = shift.publishedAt
      ? lists.map((l) => ({ checklistId: l.checklistId, startsAt: shift.startsAt }))
      : [];
    return { touched };
  });
  await publishShiftListsChanged(ctx, touched);
  return { id };
}
