import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { revokeSessions } from "../auth/user-sessions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { disconnectRealtimeSessions } from "../realtime/pusher-server";
import { parseInput } from "../validation";
import { staffIdSchema, type StaffIdInput } from "./staff-fields";
import { assertAdminsRemain, assertMayTouchRole, findStaffHere } from "./staff-rules";

/**
 * Deactivate an account: it can no longer sign in, and every session it holds ends now (the
 * session rows are revoked and sessionVersion bumped in the same transaction; open sockets are cut
 * after commit). The account is one person across locations, so this stops them everywhere.
 */
export async function deactivateStaff(ctx: Ctx, raw: StaffIdInput) {
  assertCan(ctx, "staff.manage");
  const { id } = parseInput(staffIdSchema, raw);
  if (id === ctx.userId) throw new AppError("FORBIDDEN", "You cannot deactivate yourself");
  const revoked = await db.$transaction(async (tx) => {
    const m = await findStaffHere(tx, ctx, id);
    assertMayTouchRole(ctx, m.role);
    if (!m.user.active) return [];
    await assertAdminsRemain(tx, id);
    await tx.user.update({ where: { id }, data: { active: false, sessionVersion: { increment: 1 } } });
    const ids = await revokeSessions({ userId: id }, tx);
    await auditAs(
      ctx,
      {
        action: "staff.deactivate",
        entityType: "User",
        entityId: id,
        details: { before: { active: true }, after: { active: false }, sessionsRevoked: ids.length },
      },
      tx,
    );
    return ids;
  });
  await disconnectRealtimeSessions(revoked);
  return { id, active: false };
}
