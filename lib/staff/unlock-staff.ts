import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { staffIdSchema, type StaffIdInput } from "./staff-fields";
import { findStaffHere } from "./staff-rules";

/** Lift a sign-in lockout and this location's PIN lockout, and forget the failed attempts. */
export async function unlockStaff(ctx: Ctx, raw: StaffIdInput) {
  assertCan(ctx, "staff.manage");
  const { id } = parseInput(staffIdSchema, raw);
  return db.$transaction(async (tx) => {
    const m = await findStaffHere(tx, ctx, id);
    const before = {
      lockedUntil: m.user.lockedUntil?.toISOString() ?? null,
      failedLoginCount: m.user.failedLoginCount,
      pinLockedUntil: m.pinLockedUntil?.toISOString() ?? null,
      pinFailedCount: m.pinFailedCount,
    };
    await tx.user.update({ where: { id }, data: { lockedUntil: null, failedLoginCount: 0 } });
    await tx.membership.update({ where: { id: m.id }, data: { pinLockedUntil: null, pinFailedCount: 0 } });
    await auditAs(
      ctx,
      {
        action: "staff.unlock",
        entityType: "User",
        entityId: id,
        details: { before, after: { lockedUntil: null, failedLoginCount: 0, pinLockedUntil: null, pinFailedCount: 0 } },
      },
      tx,
    );
    return { id, locked: false };
  });
}
