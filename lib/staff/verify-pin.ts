import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { burnVerifyTime, verifyPassword } from "../auth/password";
import { limiter } from "../ops/rate-limit";
import { rateLimitedError } from "../http/rate-limit-headers";
import type { Role } from "../auth/roles";
import { enteredPinSchema } from "./pin-policy";

export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MINUTES = 15;

/** The only answers a PIN pad gets: none tells whether the person has a PIN. */
export const PIN_WRONG = "Wrong PIN";
export const PIN_LOCKED = `Too many wrong PINs. Try again in ${PIN_LOCK_MINUTES} minutes or ask a manager to unlock you.`;

export const pinEntrySchema = z.object({
  userId: z.string().min(1, "Choose who you are").max(64),
  pin: enteredPinSchema,
});
export type PinEntryInput = z.input<typeof pinEntrySchema>;

export type PinHolder = { userId: string; name: string; email: string; role: Role; locationId: string };

/** Where the PIN was typed: the limiter key is the enrolled device when there is one, else the IP. */
export type PinMeta = { ip?: string | null; deviceId?: string | null; requestId?: string | null };

/**
 * Check a staff member's PIN at a location, locked like a password: five misses lock that person's
 * PIN for 15 minutes (counted in one atomic UPDATE before the slow hash, so parallel guesses cannot
 * exceed five), and each device or IP is throttled across all people.
 */
export async function verifyStaffPin(locationId: string, raw: unknown, meta: PinMeta = {}): Promise<PinHolder> {
  const parsed = pinEntrySchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", PIN_WRONG, { pin: [PIN_WRONG] });
  const { userId, pin } = parsed.data;

  const key = meta.deviceId ? `device:${meta.deviceId}` : `ip:${meta.ip ?? "unknown"}`;
  const limit = await limiter("staff-pin").limit(key);
  if (!limit.success)
    throw rateLimitedError(
      limiter("staff-pin").policy,
      limit,
      "Too many PIN attempts on this device. Wait a few minutes.",
    );

  const audit = { locationId, actorId: userId, ip: meta.ip ?? null, requestId: meta.requestId ?? null };
  const m = await db.membership.findUnique({
    where: { userId_locationId: { userId, locationId } },
    select: { role: true, pinHash: true, user: { select: { name: true, email: true, active: true } } },
  });
  if (!m || !m.pinHash || !m.user.active) {
    await burnVerifyTime(pin);
    throw new AppError("UNAUTHENTICATED", PIN_WRONG, { pin: [PIN_WRONG] });
  }

  const reserved = await db.$queryRaw<{ attempt: number; lockedUntil: Date | null }[]>`
    UPDATE "Membership" SET
      "pinFailedCount" = CASE WHEN "pinLockedUntil" IS NULL THEN "pinFailedCount" + 1 ELSE 1 END,
      "pinLockedUntil" = CASE
        WHEN (CASE WHEN "pinLockedUntil" IS NULL THEN "pinFailedCount" + 1 ELSE 1 END) >= ${PIN_MAX_FAILURES}
        THEN now() + make_interval(mins => ${PIN_LOCK_MINUTES}) ELSE NULL END
    WHERE "userId" = ${userId} AND "locationId" = ${locationId}
      AND ("pinLockedUntil" IS NULL OR "pinLockedUntil" <= now())
    RETURNING "pinFailedCount" AS attempt, "pinLockedUntil" AS "lockedUntil"`;
  const reservation = reserved[0];
  if (!reservation) {
    await burnVerifyTime(pin);
    await recordAudit({ action: "staff.pin.locked", ...audit });
    throw new AppError("LOCKED", PIN_LOCKED);
  }
  if (!(await verifyPassword(m.pinHash, pin))) {
    await recordAudit({ action: "staff.pin.failed", details: { failures: reservation.attempt }, ...audit });
    if (reservation.lockedUntil) throw new AppError("LOCKED", PIN_LOCKED);
    throw new AppError("UNAUTHENTICATED", PIN_WRONG, { pin: [PIN_WRONG] });
  }
  // Right PIN: give this attempt's slot back; lift only the lock this attempt itself set.
  await db.$executeRaw`
    UPDATE "Membership" SET
      "pinFailedCount" = CASE WHEN "pinFailedCount" = ${reservation.attempt} THEN 0 ELSE GREATEST("pinFailedCount" - 1, 0) END,
      "pinLockedUntil" = CASE
        WHEN "pinFailedCount" = ${reservation.attempt} AND "pinLockedUntil" IS NOT DISTINCT FROM ${reservation.lockedUntil}::timestamp THEN NULL
        ELSE "pinLockedUntil" END
    WHERE "userId" = ${userId} AND "locationId" = ${locationId}`;
  return { userId, name: m.user.name, email: m.user.email, role: m.role, locationId };
}
