import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { createShiftSchema, type CreateShiftInput } from "./schemas";
import { refusingShiftConflicts } from "./shift-db-errors";
import { setShiftChecklists } from "./shift-checklists";
import { checkShiftRefs, SHIFT_SELECT } from "./shift-refs";

/** Draw a draft shift (only managers see it until its week is published). */
export async function createShift(ctx: Ctx, raw: CreateShiftInput) {
  assertCan(ctx, "schedule.manage");
  const input = parseInput(createShiftSchema, raw);
  return refusingShiftConflicts(() =>
    db.$transaction(async (tx) => {
      const { role } = await checkShiftRefs(tx, ctx, input);
      const shift = await tx.shift.create({
        data: {
          locationId: ctx.locationId,
          userId: input.userId,
          role: input.role ?? role,
          stationId: input.stationId,
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
          notes: input.notes,
        },
        select: SHIFT_SELECT,
      });
      const checklistIds = await setShiftChecklists(tx, ctx, shift.id, input.checklistIds);
      await auditAs(
        ctx,
        {
          action: "schedule.shift.create",
          entityType: "Shift",
          entityId: shift.id,
          details: { ...jsonShift(shift), ...(checklistIds?.length ? { checklistIds } : {}) },
        },
        tx,
      );
      return shift;
    }),
  );
}

export function jsonShift(s: { userId: string; role: string; stationId: string | null; startsAt: Date; endsAt: Date }) {
  return {
    userId: s.userId,
    role: s.role,
    stationId: s.stationId,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
  };
}
