import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import {
  authenticateStaff,
  LOCKOUT_MINUTES,
  MAX_FAILED_ATTEMPTS,
  SIGN_IN_FAILED,
  SIGN_IN_LOCKED,
} from "@/lib/auth/authenticate-staff";
import { DEMO_LOCATION_SLUG, DEMO_PASSWORD } from "@/prisma/demo-seed";
import { AppError } from "@/lib/errors";
import { reserveAttempt, settleSuccess } from "@/lib/auth/login-attempts";
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
    const staff = await authenticateStaff(
      { email: " Admin@Demo.Kitchen ", password: DEMO_PASSWORD },
      { ip: freshIp(), requestId: "req-1" },
    );
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

  it("20 parallel wrong guesses: exactly 5 passwords are checked, 15 refused unchecked, the account locked", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt("host@demo.kitchen", `guess-${i}`, freshIp())),
    );
    const codes = results.map((r) => (r as AppError).code);
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(codes.filter((c) => c === "LOCKED")).toHaveLength(20 - MAX_FAILED_ATTEMPTS);
    const user = await testDb().user.findUniqueOrThrow({ where: { email: "host@demo.kitchen" } });
    expect(await testDb().auditLog.count({ where: { actorId: user.id, action: "auth.sign_in.failed" } })).toBe(
      MAX_FAILED_ATTEMPTS,
    );
    expect(await testDb().auditLog.count({ where: { actorId: user.id, action: "auth.lockout" } })).toBe(1);
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + (LOCKOUT_MINUTES - 1) * 60_000);
    expectError(await attempt("host@demo.kitchen", DEMO_PASSWORD, freshIp()), "LOCKED", SIGN_IN_LOCKED);
  });

  it("19 wrong guesses racing the right password: at most 5 checked, and the right one cannot unlock", async () => {
    for (let round = 0; round < 3; round++) {
      await testDb().user.update({
        where: { email: "server@demo.kitchen" },
        data: { failedLoginCount: 0, lockedUntil: null },
      });
      await testDb().auditLog.deleteMany({});
      const guesses = Array.from({ length: 20 }, (_, i) => (i === 10 ? DEMO_PASSWORD : `guess-${i}`));
      const results = await Promise.all(guesses.map((password) => attempt("server@demo.kitchen", password, freshIp())));
      const right = results[10];
      const checked = results.filter((r) => r === "ok" || (r as AppError).code === "UNAUTHENTICATED");
      expect(checked.length).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS);
      expect(await testDb().auditLog.count({ where: { action: "auth.sign_in.failed" } })).toBeLessThanOrEqual(
        MAX_FAILED_ATTEMPTS,
      );
      const user = await testDb().user.findUniqueOrThrow({ where: { email: "server@demo.kitchen" } });
      if (right !== "ok") {
        // Refused unchecked: the lock set by the wrong guesses holds.
        expect((right as AppError).code).toBe("LOCKED");
        expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
      } else {
        // It won one of the 5 slots, so at most 4 wrong guesses were checked alongside it.
        expect(checked.length - 1).toBeLessThanOrEqual(MAX_FAILED_ATTEMPTS - 1);
        expect(user.lastLoginAt).not.toBeNull();
      }
    }
  });

  it("never checks more than 5 passwords for an unknown email either, in parallel", async () => {
    const unknown = `nobody-${randomBytes(4).toString("hex")}@demo.kitchen`;
    await stayInsideOneLimiterWindow();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt(unknown, `guess-${i}`, freshIp())));
    const codes = results.map((r) => (r as AppError).code);
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(MAX_FAILED_ATTEMPTS);
    expect(codes.filter((c) => c === "LOCKED")).toHaveLength(20 - MAX_FAILED_ATTEMPTS);
  });

  it("refuses an inactive user, with the generic message", async () => {
    // A user of its own: the per-email limiter state of a demo email may outlive the run in Redis.
    const db = testDb();
    const template = await db.user.findUniqueOrThrow({
      where: { email: "server2@demo.kitchen" },
      include: { memberships: true },
    });
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

describe("failure slots (reserved before the password check)", () => {
  beforeEach(async () => {
    await resetDb();
    await seedFixture();
  });
  const userId = async (email: string) => (await testDb().user.findUniqueOrThrow({ where: { email } })).id;

  it("refuses a 6th attempt while 5 are still being checked", async () => {
    const id = await userId("chef@demo.kitchen");
    const slots = [];
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) slots.push(await reserveAttempt(id));
    expect(slots.map((r) => r?.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(slots.slice(0, 4).every((r) => r?.lockedUntil === null)).toBe(true);
    expect(slots[4]?.lockedUntil).toBeInstanceOf(Date); // the last slot locks in advance
    expect(await reserveAttempt(id)).toBeNull();
  });

  it("a success cannot lift a lock that racing failures set", async () => {
    const id = await userId("chef@demo.kitchen");
    const right = (await reserveAttempt(id))!;
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) await reserveAttempt(id); // wrong guesses take the rest
    await settleSuccess(id, right);
    const user = await testDb().user.findUniqueOrThrow({ where: { id } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expectError(await attempt("chef@demo.kitchen", DEMO_PASSWORD, freshIp()), "LOCKED", SIGN_IN_LOCKED);
  });

  it("a success lifts only the lock its own reservation set (right on the 5th try)", async () => {
    const id = await userId("chef@demo.kitchen");
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) await reserveAttempt(id);
    const fifth = (await reserveAttempt(id))!;
    expect(fifth.lockedUntil).not.toBeNull();
    await settleSuccess(id, fifth);
    const user = await testDb().user.findUniqueOrThrow({ where: { id } });
    expect(user.lockedUntil).toBeNull();
    expect(user.failedLoginCount).toBe(0);
  });

  it("a success forgives earlier failures only when nobody reserved after it", async () => {
    const id = await userId("chef@demo.kitchen");
    await reserveAttempt(id); // an earlier wrong guess
    const right = (await reserveAttempt(id))!;
    await reserveAttempt(id); // a guess that arrived while the right one was being checked
    await settleSuccess(id, right);
    expect((await testDb().user.findUniqueOrThrow({ where: { id } })).failedLoginCount).toBe(2);
  });

  it("an expired lock starts a fresh count", async () => {
    const id = await userId("chef@demo.kitchen");
    await testDb().user.update({
      where: { id },
      data: { failedLoginCount: MAX_FAILED_ATTEMPTS, lockedUntil: new Date(Date.now() - 1000) },
    });
    expect(await reserveAttempt(id)).toEqual({ attempt: 1, lockedUntil: null });
  });
});
