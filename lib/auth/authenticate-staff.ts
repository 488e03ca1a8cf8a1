import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { createFailureCounter, type FailureCounter } from "../ops/rate-limit";
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS, reserveAttempt, settleSuccess } from "./login-attempts";
import { burnVerifyTime, verifyPassword } from "./password";
import type { Role } from "./roles";
import { startSession } from "./user-sessions";

export { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS };

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
  /** The server-side session opened by this sign-in (goes into the JWT as `sid`). */
  sessionId: string;
};

export type SignInMeta = {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  /** The live enrolled device the sign-in happens on (its cookie came with the request), if any. */
  deviceId?: string | null;
};

let failures: FailureCounter | undefined;
const unknownEmailFailures = () => (failures ??= createFailureCounter("login-unknown", LOCKOUT_MINUTES * 60_000));

/** The only messages a caller ever sees: none of them tells whether the email exists. */
export const SIGN_IN_FAILED = "Invalid email or password";
export const SIGN_IN_LOCKED = `Too many failed attempts. Try again in ${LOCKOUT_MINUTES} minutes or ask a manager.`;
export const SIGN_IN_THROTTLED = "Too many sign-in attempts from this device. Wait a few minutes.";

/**
 * Verify credentials with a per-account lockout (in the database; an unknown email gets the same
 * treatment from a counter) and open a server-side session. Per-IP throttling happens before this,
 * in the sign-in route (lib/auth/sign-in-throttle.ts), so it can answer 429.
 */
export async function authenticateStaff(input: unknown, meta: SignInMeta = {}): Promise<AuthenticatedStaff> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", SIGN_IN_FAILED);
  const { email, password } = parsed.data;
  const audit = { ip: meta.ip ?? null, requestId: meta.requestId ?? null };

  const user = await db.user.findUnique({
    where: { email },
    include: { memberships: { orderBy: { createdAt: "asc" } } },
  });
  if (!user || !user.active || user.memberships.length === 0) {
    // Counted before the slow hash, exactly like a real account's reservation.
    const attempt = await unknownEmailFailures().record(email);
    await burnVerifyTime(password);
    if (attempt > MAX_FAILED_ATTEMPTS) {
      await recordAudit({ action: "auth.sign_in.locked", details: { email, reason: "unknown" }, ...audit });
      throw new AppError("LOCKED", SIGN_IN_LOCKED);
    }
    await recordAudit({ action: "auth.sign_in.failed", details: { email, reason: "unknown" }, ...audit });
    throw new AppError("UNAUTHENTICATED", SIGN_IN_FAILED);
  }

  const reservation = await reserveAttempt(user.id);
  if (!reservation) {
    await burnVerifyTime(password);
    await recordAudit({ action: "auth.sign_in.locked", actorId: user.id, details: { email }, ...audit });
    throw new AppError("LOCKED", SIGN_IN_LOCKED);
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordAudit({
      action: "auth.sign_in.failed",
      actorId: user.id,
      details: { email, failures: reservation.attempt },
      ...audit,
    });
    if (reservation.lockedUntil) {
      await recordAudit({
        action: "auth.lockout",
        actorId: user.id,
        details: { email, minutes: LOCKOUT_MINUTES },
        ...audit,
      });
    }
    throw new AppError("UNAUTHENTICATED", SIGN_IN_FAILED);
  }

  await settleSuccess(user.id, reservation);
  const sessionId = await startSession(user.id, meta);
  const membership = user.memberships[0];
  await recordAudit({
    action: "auth.sign_in.succeeded",
    actorId: user.id,
    locationId: membership.locationId,
    entityType: "UserSession",
    entityId: sessionId,
    details: { email, role: membership.role, ...(meta.deviceId ? { deviceId: meta.deviceId } : {}) },
    ...audit,
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: membership.role,
    locationId: membership.locationId,
    sessionVersion: user.sessionVersion,
    sessionId,
  };
}
