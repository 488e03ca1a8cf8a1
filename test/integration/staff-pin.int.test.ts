// Quick-switch PINs: policy at set time, lockout like passwords, no hint of who has a PIN.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearStaffPin, setMyPin } from "@/lib/staff/set-pin";
import { PIN_LOCKED, PIN_WRONG, verifyStaffPin } from "@/lib/staff/verify-pin";
import { addStaff, buildLocation, type BuiltLocation } from "./builders/location";

let loc: BuiltLocation;
let other: BuiltLocation;

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

beforeAll(async () => {
  loc = await buildLocation();
  other = await buildLocation();
});

describe("setMyPin", () => {
  it("refuses a common PIN with a field error and stores only a hash", async () => {
    const refused = await setMyPin(loc.ctx.SERVER, { pin: "1234" }).catch((e: AppError) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fieldErrors?.pin?.[0]).toMatch(/run of digits/);
    await setMyPin(loc.ctx.SERVER, { pin: "2749" });
    const m = await db.membership.findFirstOrThrow({ where: { userId: loc.staff.SERVER.userId, locationId: loc.id } });
    expect(m.pinHash).toMatch(/^\$argon2id\$/);
    expect(m.pinHash).not.toContain("2749");
    const audit = await db.auditLog.findFirst({ where: { action: "staff.pin.set", actorId: loc.staff.SERVER.userId } });
    expect(audit).not.toBeNull();
  });
});

describe("verifyStaffPin", () => {
  it("answers with the person and their role at this location", async () => {
    const who = await verifyStaffPin(loc.id, { userId: loc.staff.SERVER.userId, pin: "2749" }, { deviceId: "d1" });
    expect(who).toMatchObject({ userId: loc.staff.SERVER.userId, role: "SERVER", locationId: loc.id });
  });

  it("does not accept the PIN at another location", async () => {
    const err = await verifyStaffPin(other.id, { userId: loc.staff.SERVER.userId, pin: "2749" }).catch((e) => e);
    expect(err).toMatchObject({ code: "UNAUTHENTICATED", message: PIN_WRONG });
  });

  it("says the same for a person without a PIN as for a wrong PIN", async () => {
    const noPin = await verifyStaffPin(loc.id, { userId: loc.staff.CHEF.userId, pin: "5820" }).catch((e) => e);
    const wrong = await verifyStaffPin(loc.id, { userId: loc.staff.SERVER.userId, pin: "5820" }).catch((e) => e);
    expect(noPin).toMatchObject({ code: "UNAUTHENTICATED", message: PIN_WRONG });
    expect(wrong).toMatchObject({ code: "UNAUTHENTICATED", message: PIN_WRONG });
  });

  it("locks after five misses even when they arrive at once, and a manager's clear ends the lock", async () => {
    const cook = await addStaff(loc, "CHEF");
    await setMyPin(cook.ctx, { pin: "6071" });
    const guesses = await Promise.all(
      ["1111", "2222", "3333", "4444", "5555", "6666", "7777", "8888"].map((pin) =>
        code(verifyStaffPin(loc.id, { userId: cook.userId, pin }, { deviceId: `d-${pin}` })),
      ),
    );
    expect(guesses.filter((c) => c === "UNAUTHENTICATED").length).toBeLessThanOrEqual(4);
    expect(guesses.filter((c) => c === "LOCKED").length).toBeGreaterThanOrEqual(4);
    // The right PIN is refused while locked.
    const locked = await verifyStaffPin(loc.id, { userId: cook.userId, pin: "6071" }).catch((e) => e);
    expect(locked).toMatchObject({ code: "LOCKED", message: PIN_LOCKED });

    await clearStaffPin(loc.ctx.MANAGER, { userId: cook.userId });
    await setMyPin(cook.ctx, { pin: "6071" });
    expect(await code(verifyStaffPin(loc.id, { userId: cook.userId, pin: "6071" }))).toBe("ok");
  });

  it("lets a right PIN forgive earlier misses", async () => {
    const host = await addStaff(loc, "HOST");
    await setMyPin(host.ctx, { pin: "3907" });
    for (let i = 0; i < 3; i++) await code(verifyStaffPin(loc.id, { userId: host.userId, pin: "9999" }));
    expect(await code(verifyStaffPin(loc.id, { userId: host.userId, pin: "3907" }))).toBe("ok");
    const m = await db.membership.findFirstOrThrow({ where: { userId: host.userId, locationId: loc.id } });
    expect(m.pinFailedCount).toBeLessThan(3);
    expect(m.pinLockedUntil).toBeNull();
  });

  it("refuses a malformed entry without touching the counter", async () => {
    const err = await verifyStaffPin(loc.id, { userId: loc.staff.SERVER.userId, pin: "12" }).catch((e) => e);
    expect(err).toMatchObject({ code: "VALIDATION" });
  });

  it("lets only management clear a PIN, and only at their location", async () => {
    expect(await code(clearStaffPin(loc.ctx.SERVER, { userId: loc.staff.CHEF.userId }))).toBe("FORBIDDEN");
    expect(await code(clearStaffPin(other.ctx.MANAGER, { userId: loc.staff.SERVER.userId }))).toBe("NOT_FOUND");
  });
});
