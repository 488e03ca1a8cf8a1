import "server-only";
import { z } from "zod";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { hashPassword, verifyPassword } from "../auth/password";
import { passwordProblems } from "../auth/password-policy";
import { revokeSessions } from "../auth/user-sessions";
import { disconnectRealtimeSessions } from "../realtime/pusher-server";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    newPassword: z.string().max(1024),
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/**
 * Change the acting user's password under the password policy. Bumps `sessionVersion`, which
 * signs the user out everywhere (a stolen session does not survive a password change).
 */
export async function changePassword(ctx: Ctx, input: ChangePasswordInput): Promise<{ signedOut: true }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: ctx.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("VALIDATION", "Some fields are invalid", {
      currentPassword: ["That is not your current password"],
    });
  }
  const problems = passwordProblems(input.newPassword, { email: user.email, name: user.name });
  if (input.newPassword === input.currentPassword) problems.push("Choose a password you have not been using");
  if (problems.length) throw new AppError("VALIDATION", "Some fields are invalid", { newPassword: problems });
  const passwordHash = await hashPassword(input.newPassword);
  const revoked = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(
      {
        action: "auth.password.changed",
        actorId: user.id,
        locationId: ctx.locationId,
        ip: ctx.ip,
        requestId: ctx.requestId,
      },
      tx,
    );
    return revokeSessions({ userId: user.id }, tx);
  });
  // Open sockets would otherwise keep receiving events after the change.
  await disconnectRealtimeSessions(revoked);
  return { signedOut: true };
}
