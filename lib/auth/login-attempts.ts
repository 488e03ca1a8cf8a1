import "server-only";
import { db } from "../db";

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

/** A sign-in attempt that holds one of the account's failure slots while the password is checked. */
export type Reservation = {
  /** This attempt's number among the account's unsettled failures (1…MAX). */
  attempt: number;
  /** Set when this attempt took the last slot: it locked the account in advance. */
  lockedUntil: Date | null;
};

/**
 * Reserve a failure slot BEFORE the (slow) password check, in one atomic UPDATE: every attempt
 * counts as a failure until proven right, and the attempt that takes the last slot locks the
 * account at once. So however many guesses arrive in parallel, at most MAX_FAILED_ATTEMPTS
 * passwords are ever checked per lock window; the rest are refused unchecked. An expired lock
 * starts a fresh count. Returns null when the account is locked.
 */
export async function reserveAttempt(userId: string): Promise<Reservation | null> {
  const rows = await db.$queryRaw<Reservation[]>`
    UPDATE "User" SET
      "failedLoginCount" = CASE WHEN "lockedUntil" IS NULL THEN "failedLoginCount" + 1 ELSE 1 END,
      "lockedUntil" = CASE
        WHEN (CASE WHEN "lockedUntil" IS NULL THEN "failedLoginCount" + 1 ELSE 1 END) >= ${MAX_FAILED_ATTEMPTS}
        THEN now() + make_interval(mins => ${LOCKOUT_MINUTES}) ELSE NULL END
    WHERE id = ${userId} AND ("lockedUntil" IS NULL OR "lockedUntil" <= now())
    RETURNING "failedLoginCount" AS attempt, "lockedUntil"`;
  return rows[0] ?? null;
}

/**
 * The password was right: give back this attempt's slot. Earlier failures are forgiven only when
 * no attempt reserved after this one (the usual "success resets the count"), and the only lock a
 * success may lift is the one its own reservation set — never one that racing failures set.
 */
export async function settleSuccess(userId: string, reservation: Reservation): Promise<void> {
  await db.$executeRaw`
    UPDATE "User" SET
      "failedLoginCount" = CASE WHEN "failedLoginCount" = ${reservation.attempt} THEN 0 ELSE GREATEST("failedLoginCount" - 1, 0) END,
      "lockedUntil" = CASE
        WHEN "failedLoginCount" = ${reservation.attempt} AND "lockedUntil" = ${reservation.lockedUntil} THEN NULL
        ELSE "lockedUntil" END,
      "lastLoginAt" = now()
    WHERE id = ${userId}`;
}
