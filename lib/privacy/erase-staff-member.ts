import "server-only";
import { randomBytes } from "node:crypto";
import type { Ctx } from "../auth/context";
import { hashPassword } from "../auth/password";
import { assertCan } from "../auth/permissions";
import { revokeSessions } from "../auth/user-sessions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError } from "../errors";
import { disconnectRealtimeSessions } from "../realtime/pusher-server";
import { assertAdminsRemain, findStaffHere } from "../staff/staff-rules";
import { parseInput } from "../validation";
import {
  ERASED_STAFF_NAME,
  eraseRequestSchema,
  personIdSchema,
  type EraseRequestInput,
  type PersonIdInput,
} from "./privacy-schemas";

/** The sign-in email an erased account keeps: unique, and no mail can reach it. */
export const erasedEmail = (userId: string) => `erased+${userId}@invalid`;

/**
 * Erase a staff member on request (GDPR): name, email and phone go, the account can never sign in
 * again (password replaced by an unknown one, sessions, refresh and API tokens and PINs revoked).
 * The user row stays so orders, punches and audit entries keep pointing at it. Not yourself, not
 * the last active admin of a location. Audited with who, when and why, never the erased values.
 */
export async function eraseStaffMember(ctx: Ctx, rawId: PersonIdInput, raw: EraseRequestInput) {
  assertCan(ctx, "staff.privacy");
  const { id } = parseInput(personIdSchema, rawId);
  const { reason } = parseInput(eraseRequestSchema, raw);
  if (id === ctx.userId) throw new AppError("FORBIDDEN", "You cannot erase yourself");
  // Hashed before the transaction: argon2 takes a while and must not hold the locks.
  const unusablePassword = await hashPassword(randomBytes(32).toString("base64url"));
  const { revoked, erasedAt } = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${id} FOR UPDATE`;
    const m = await findStaffHere(tx, ctx, id);
    const user = await tx.user.findUniqueOrThrow({ where: { id }, select: { erasedAt: true } });
    if (user.erasedAt) throw new AppError("CONFLICT", "This staff member was already erased");
    await assertAdminsRemain(tx, id);
    const erasedAt = new Date();
    await tx.user.update({
      where: { id },
      data: {
        name: ERASED_STAFF_NAME,
        email: erasedEmail(id),
        contactPhoneEnc: null,
        passwordHash: unusablePassword,
        active: false,
        sessionVersion: { increment: 1 },
        erasedAt,
      },
    });
    await tx.membership.updateMany({
      where: { userId: id },
      data: { pinHash: null, pinSetAt: null, pinFailedCount: 0, pinLockedUntil: null },
    });
    const revoked = await revokeSessions({ userId: id }, tx);
    const tokens = await tx.apiToken.updateMany({
      where: { userId: id, revokedAt: null },
      data: { revokedAt: erasedAt },
    });
    await tx.passwordResetToken.deleteMany({ where: { userId: id, usedAt: null } });
    await auditAs(
      ctx,
      {
        action: "staff.erase",
        entityType: "User",
        entityId: id,
        details: { reason, role: m.role, sessionsRevoked: revoked.length, apiTokensRevoked: tokens.count },
      },
      tx,
    );
    return { revoked, erasedAt };
  });
  await disconnectRealtimeSessions(revoked);
  return { id, erasedAt, sessionsRevoked: revoked.length };
}
