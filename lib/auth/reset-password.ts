import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { disconnectRealtimeSessions } from "../realtime/pusher-server";
import { parseInput } from "../validation";
import { hashPassword } from "./password";
import { passwordProblems } from "./password-policy";
import { hashResetToken, RESET_TOKEN_PATTERN } from "./reset-token";
import { revokeSessions } from "./user-sessions";
import type { RequestMeta } from "./request-password-reset";

export const LINK_INVALID = "This link has expired or was already used. Ask for a new one.";

export const resetPasswordSchema = z
  .object({
    token: z.string().max(64),
    newPassword: z.string().max(1024),
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords differ",
  });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

const linkInvalid = () => new AppError("VALIDATION", LINK_INVALID, { token: [LINK_INVALID] });

/** The live token's user, or null: unknown, expired, used, voided, or its account deactivated. */
export async function findResetTokenUser(token: string) {
  if (!RESET_TOKEN_PATTERN.test(token)) return null;
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: {
      usedAt: true,
      expiresAt: true,
      user: { select: { id: true, name: true, email: true, active: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt <= new Date() || !row.user.active) return null;
  return row.user;
}

/**
 * Set a new password from a reset (or invite) link. The token is spent by one conditional UPDATE,
 * so of two submits at once exactly one wins; the password change, the lock's release, the
 * revocation of every session and the audit commit together.
 */
export async function resetPassword(raw: ResetPasswordInput, meta: RequestMeta = {}): Promise<{ email: string }> {
  const input = parseInput(resetPasswordSchema, raw);
  const user = await findResetTokenUser(input.token);
  if (!user) throw linkInvalid();
  const problems = passwordProblems(input.newPassword, { email: user.email, name: user.name });
  if (problems.length) throw new AppError("VALIDATION", "Some fields are invalid", { newPassword: problems });
  const passwordHash = await hashPassword(input.newPassword);
  const tokenHash = hashResetToken(input.token);
  const revoked = await db.$transaction(async (tx) => {
    const spent = await tx.$executeRaw`
      UPDATE "PasswordResetToken" SET "usedAt" = now()
      WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > now()`;
    if (spent !== 1) throw linkInvalid();
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 }, failedLoginCount: 0, lockedUntil: null },
    });
    const first = await tx.membership.findFirst({
      where: { userId: user.id },
      orderBy: { createdAt: "asc" },
      select: { locationId: true },
    });
    await recordAudit(
      {
        action: "auth.password_reset.completed",
        actorId: user.id,
        locationId: first?.locationId ?? null,
        entityType: "User",
        entityId: user.id,
        ip: meta.ip,
        requestId: meta.requestId,
      },
      tx,
    );
    return revokeSessions({ userId: user.id }, tx);
  });
  await disconnectRealtimeSessions(revoked);
  return { email: user.email };
}
