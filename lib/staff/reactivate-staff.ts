import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { staffIdSchema, type StaffIdInput } from "./staff-fields";
import { assertMayTouchRole, findStaffHere } from "./staff-rules";

/** Let a deactivated account sign in again (with its old password, or a reset link). */
export async function reactivateStaff(ctx: Ctx, raw: StaffIdInput) {
  assertCan(ctx, "staff.manage");
  const { id } = parseInput(staffIdSchema, raw);
  await db.$transaction(async (tx) => {
    const m = await findStaffHere(tx, ctx, id);
    assertMayTouchRole(ctx, m.role);
    if (m.user.active) return;
    await tx.user.update({ where: { id }, data: { active: true } });
    await auditAs(
      ctx,
      {
        action: "staff.reactivate",
        entityType: "User",
        entityId: id,
        details: { before: { active: false }, after: { active: true } },
      },
      tx,
    );
  });
  return { id, active: true };
}
