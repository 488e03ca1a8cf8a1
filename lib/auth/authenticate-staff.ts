import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { createFailureCounter, limiter, type FailureCounter } from "../ops/rate-limit";
import { burnVerifyTime, verifyPassword } from "./password";
import type { Role } from "./roles";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email").max(254),
  password: z.string().min(1, "Enter your password").max(1024),
});
export type SignInInput = z.infer<typeof signInSchema>;

export type AuthenticatedStaff = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locationId: string;
  sessionVersion: number;
};

let failures: FailureCounter | undefined;
const unknownEmailFailures = () => (failures ??= createFailureCounter("login-unknown", LOCKOUT_MINUTES * 60_000));

/** The only messages a caller ever sees: none of them tells whether the email exists. */
export const SIGN_IN_FAILED = "Invalid email or password";
export const SIGN_IN_LOCKED = `Too many failed attempts. Try again in ${LOCKOUT_MINUTES} minutes or ask a manager.`;
export const SIGN_IN_THROTTLED = "Too many sign-in attempts from this device. Wait a few minutes.";

/**
 * Verify credentials with lockout (per account, in the database) and throttling (per IP and per
 * email, in the rate limiter, so unknown emails lock out exactly like known ones).
 */
export async function authenticateStaff(
  input: unknown,
  meta: { ip?: string | null; requestId?: string | null } = {},
): Promise<AuthenticatedStaff> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", SIGN_IN_FAILED);
  const { email, password } = parsed.data;
  const ip = meta.ip ?? "unknown";

  if (!(await limiter("login-ip").limit(ip)).success) {
    await recordAudit({ action: "auth.sign_in.throttled", details: { email }, ip, requestId: meta.requestId });
    throw new AppError("RATE_LIMITED", SIGN_IN_THROTTLED);
  }

  const user = await db.user.findUnique({
    where: { email },
    include: { memberships: { orderBy: { createdAt: "asc" } } },
  });

  if (!user || !user.active || user.memberships.length === 0) {
    await burnVerifyTime(password);
    // Same rule as a real account: the 5th failure locks for 15 minutes.
    if ((await unknownEmailFailures().count(email)) >= MAX_FAILED_ATTEMPTS) {
      await recordAudit({ action: "auth.sign_in.locked", details: { email, reason: "unknown" }, ip, requestId: meta.requestId });
      throw new AppError("LOCKED", SIGN_IN_LOCKED);
    }
    await unknownEmailFailures().record(email);
    await recordAudit({ action: "auth.sign_in.failed", details: { email, reason: "unknown" }, ip, requestId: meta.requestId });
    throw new AppError("UNAUTHENTICATED", SIGN_IN_FAILED);
  }

  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    await burnVerifyTime(password);
    await recordAudit({ action: "auth.sign_in.locked", actorId: user.id, details: { email }, ip, requestId: meta.requestId });
    throw new AppError("LOCKED", SIGN_IN_LOCKED);
  }

  if (!(await verifyPassword(user.passwordHash, password))) {
    // Atomic increment: parallel guesses cannot slip past the threshold.
    const [row] = await db.$queryRaw<{ failedLoginCount: number }[]>`
      UPDATE "User" SET "failedLoginCount" = CASE WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= now() THEN 1 ELSE "failedLoginCount" + 1 END,
                        "lockedUntil" = CASE WHEN "lockedUntil" IS NOT NULL AND "lockedUntil" <= now() THEN NULL ELSE "lockedUntil" END
      WHERE id = ${user.id} RETURNING "failedLoginCount"`;
    const failures = row?.failedLoginCount ?? MAX_FAILED_ATTEMPTS;
    await recordAudit({ action: "auth.sign_in.failed", actorId: user.id, details: { email, failures }, ip, requestId: meta.requestId });
    if (failures >= MAX_FAILED_ATTEMPTS) {
      await db.user.update({
        where: { id: user.id },
        data: { lockedUntil: new Date(Date.now() + LOCKOUT_MINUTES * 60_000), failedLoginCount: 0 },
      });
      await recordAudit({ action: "auth.lockout", actorId: user.id, details: { email, minutes: LOCKOUT_MINUTES }, ip, requestId: meta.requestId });
    }
    throw new AppError("UNAUTHENTICATED", SIGN_IN_FAILED);
  }

  await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
  const membership = user.memberships[0];
  await recordAudit({
    action: "auth.sign_in.succeeded",
    actorId: user.id,
    locationId: membership.locationId,
    details: { email, role: membership.role },
    ip,
    requestId: meta.requestId,
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: membership.role,
    locationId: membership.locationId,
    sessionVersion: user.sessionVersion,
  };
}
