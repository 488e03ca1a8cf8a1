import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { issueResetToken, RESET_TTL_MINUTES } from "../auth/reset-token";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { resetMail } from "../mail/staff-mail";
import { sendMailLater } from "../mail/send-mail";
import { parseInput } from "../validation";
import { staffIdSchema, type StaffIdInput } from "./staff-fields";
import { assertMayTouchRole, findStaffHere } from "./staff-rules";

/**
 * A manager issues a password-reset link for a staff member (who forgot, or never got the
 * invite): shown once to the manager, mailed to the staff member, older links voided. Only an
 * ADMIN may issue one for an ADMIN: the link is the account.
 */
export async function issueResetLink(ctx: Ctx, raw: StaffIdInput) {
  assertCan(ctx, "staff.manage");
  const { id } = parseInput(staffIdSchema, raw);
  const { link, expiresAt, user } = await db.$transaction(async (tx) => {
    const m = await findStaffHere(tx, ctx, id);
    assertMayTouchRole(ctx, m.role);
    if (!m.user.active) throw new AppError("INVALID_STATE", "Reactivate this account before sending a reset link");
    const issued = await issueResetToken(tx, {
      userId: id,
      issuedById: ctx.userId,
      ip: ctx.ip,
      ttlMs: RESET_TTL_MINUTES * 60_000,
    });
    await auditAs(
      ctx,
      {
        action: "staff.reset_link.issue",
        entityType: "User",
        entityId: id,
        details: { expiresAt: issued.expiresAt.toISOString() },
      },
      tx,
    );
    return { ...issued, user: m.user };
  });
  sendMailLater(resetMail(user, link, RESET_TTL_MINUTES), { requestId: ctx.requestId, purpose: "staff reset link" });
  return { id, link, expiresAt: expiresAt.toISOString() };
}
