import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import {
  authenticateStaff,
  LOCKOUT_MINUTES,
  MAX_FAILED_ATTEMPTS,
  SIGN_IN_FAILED,
  SIGN_IN_LOCKED,
} from "@/lib/auth/authenticate-staff";
import { DEMO_LOCATION_SLUG, DEMO_PASSWORD } from "@/lib/demo/seed-demo";
import { AppError } from "@/lib/errors";
import { resetDb, seedFixture, testDb } from "./helpers";

// Rate-limit state may live in Redis across runs: every test signs in from its own address.
const freshIp = () => `10.${randomBytes(3).join(".")}`;

async function attempt(email: string, password: string, ip: string): Promise<AppError | "ok"> {
  try {
    await authenticateStaff({ email, password }, { ip });
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/**
 * Upstash's sliding window (used when Redis is configured) weights the previous 15-minute bucket
 * with Math.floor, so a burst straddling a bucket edge can be under-counted by one. Keep the
 * burst inside one bucket; the memory limiter is exact anyway.
 */
async function stayInsideOneLimiterWindow(windowMs = 15 * 60_000, marginMs = 10_000): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

function expectError(result: AppError | "ok", code: string, message: string): void {
  expect(result).toBeInstanceOf(AppError);
  expect({ code: (result as AppError).code, message: (result as AppError).message }).toEqual({ code, message });
}

describe("authenticateStaff", () => {
  beforeEach(async () => {
    await resetDb();
    await seedFixture();
  });

  it("signs in with the right password and records the sign-in", async () => {
    const staff = await authenticateStaff({ email: " Admin@Demo.Kitchen ", password: DEMO_PASSWORD }, { ip: freshIp(), requestId: "req-1" });
    const location = await testDb().location.findUniqueOrThrow({ where: { slug: DEMO_LOCATION_SLUG } });
    expect(staff).toMatchObject({ email: "admin@demo.kitchen", role: "ADMIN", locationId: location.id });

    const audit = await testDb().auditLog.findMany({ where: { actorId: staff.id, action: "auth.sign_in.succeeded" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ locationId: location.id, requestId: "req-1" });
    const user = await testDb().user.findUniqueOrThrow({ where: { id: staff.id } });
    expect(user.lastLoginAt).not.toBeNull();
    expect(user.failedLoginCount).toBe(0);
  });

  it("refuses a wrong password with the generic message", async () => {
    expectError(await attempt("server@demo.kitchen", "not-the-password", freshIp()), "UNAUTHENTICATED", SIGN_IN_FAILED);
    const user = await testDb().user.findUniqueOrThrow({ where: { email: "server@demo.kitchen" } });
    expect(user.failedLoginCount).toBe(1);
    expect(user.lockedUntil).toBeNull();
  });

  it(`locks the account after ${MAX_FAILED_ATTEMPTS} failures, even against the right password`, async () => {
    const ip = freshIp();
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      expectError(await attempt("chef@demo.kitchen", `wrong-${i}`, ip), "UNAUTHENTICATED", SIGN_IN_FAILED);
    }
    expectError(await attempt("chef@demo.kitchen", DEMO_PASSWORD, ip), "LOCKED", SIGN_IN_LOCKED);

    const user = await testDb().user.findUniqueOrThrow({ where: { email: "chef@demo.kitchen" } });
    const minutesAhead = (user.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutesAhead).toBeGreaterThan(LOCKOUT_MINUTES - 1);
    expect(minutesAhead).toBeLessThanOrEqual(LOCKOUT_MINUTES);
    expect(await testDb().auditLog.count({ where: { actorId: user.id, action: "auth.lockout" } })).toBe(1);
  });

  it("answers an unknown email exactly like a wrong password, lockout included", async () => {
    const ip = freshIp();
    const unknown = `nobody-${randomBytes(4).toString("hex")}@demo.kitchen`;
    const known = "cashier@demo.kitchen";
    await stayInsideOneLimiterWindow();
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      const [a, b] = [await attempt(unknown, `wrong-${i}`, ip), await attempt(known, `wrong-${i}`, ip)];
      expectError(a, "UNAUTHENTICATED", SIGN_IN_FAILED);
      expectError(b, "UNAUTHENTICATED", SIGN_IN_FAILED);
    }
    expectError(await attempt(unknown, "anything", ip), "LOCKED", SIGN_IN_LOCKED);
    expectError(await attempt(known, DEMO_PASSWORD, ip), "LOCKED", SIGN_IN_LOCKED);
  });

  it("never lets parallel wrong guesses pass the threshold without a lock", async () => {
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt("host@demo.kitchen", `guess-${i}`, ip)));
    for (const r of results) {
      expect(r).toBeInstanceOf(AppError);
      expect(["UNAUTHENTICATED", "LOCKED"]).toContain((r as AppError).code);
    }
    const user = await testDb().user.findUniqueOrThrow({ where: { email: "host@demo.kitchen" } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(user.failedLoginCount).toBeLessThan(MAX_FAILED_ATTEMPTS);
    expectError(await attempt("host@demo.kitchen", DEMO_PASSWORD, ip), "LOCKED", SIGN_IN_LOCKED);
  });

  it("refuses an inactive user, with the generic message", async () => {
    // A user of its own: the per-email limiter state of a demo email may outlive the run in Redis.
    const db = testDb();
    const template = await db.user.findUniqueOrThrow({ where: { email: "server2@demo.kitchen" }, include: { memberships: true } });
    const email = `former-${randomBytes(4).toString("hex")}@demo.kitchen`;
    await db.user.create({
      data: {
        email,
        name: "Former Server",
        passwordHash: template.passwordHash,
        active: false,
        memberships: { create: { locationId: template.memberships[0].locationId, role: "SERVER" } },
      },
    });
    expectError(await attempt(email, DEMO_PASSWORD, freshIp()), "UNAUTHENTICATED", SIGN_IN_FAILED);
  });
});
