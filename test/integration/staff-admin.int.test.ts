// Staff administration (issue 10): create with an invite mail, edit, deactivate/reactivate,
// unlock, reset links; ADMINs managed only by ADMINs; a location never loses its last active
// ADMIN, even when two changes race; another location's staff are 404; every change audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { findResetTokenUser, resetPassword } from "@/lib/auth/reset-password";
import { isSessionLive, startSession } from "@/lib/auth/user-sessions";
import { flushMail } from "@/lib/mail/send-mail";
import { createStaff, NO_PASSWORD_YET } from "@/lib/staff/create-staff";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { getStaffMember } from "@/lib/staff/get-staff-member";
import { issueResetLink } from "@/lib/staff/issue-reset-link";
import { listStaff } from "@/lib/staff/list-staff";
import { reactivateStaff } from "@/lib/staff/reactivate-staff";
import { unlockStaff } from "@/lib/staff/unlock-staff";
import { updateStaff } from "@/lib/staff/update-staff";
import { linkIn, mailboxPort, startMailbox, type Mailbox } from "../support/smtp-mailbox";
import { addStaff, buildLocation, type BuiltLocation } from "./builders/location";
import { tag } from "./builders/tag";
import { expectAppError, resetDb, testDb } from "./helpers";

const SMTP_PORT = mailboxPort();
process.env.SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;

let mailbox: Mailbox;
let loc: BuiltLocation;
let other: BuiltLocation;
const PASSWORD = "a brand new kitchen phrase";

beforeAll(async () => {
  mailbox = await startMailbox(SMTP_PORT);
});
afterAll(async () => {
  await flushMail();
  await mailbox.close();
});
beforeEach(async () => {
  await resetDb();
  [loc, other] = await Promise.all([buildLocation(), buildLocation()]);
});

const audits = (action: string, entityId: string) =>
  testDb().auditLog.findMany({ where: { action, entityId }, orderBy: { createdAt: "asc" } });

describe("createStaff", () => {
  it("creates a user with no usable password and mails an invite that sets one", async () => {
    const email = `new-${tag()}@example.test`;
    const { id, newUser } = await createStaff(loc.ctx.MANAGER, {
      name: "Sam Server",
      email: email.toUpperCase(),
      role: "SERVER",
      hourlyRateCents: 1550,
    });
    expect(newUser).toBe(true);
    const user = await testDb().user.findUniqueOrThrow({ where: { id }, include: { memberships: true } });
    expect(user).toMatchObject({ email, name: "Sam Server", passwordHash: NO_PASSWORD_YET, active: true });
    expect(user.memberships).toMatchObject([{ locationId: loc.id, role: "SERVER", hourlyRateCents: 1550 }]);
    const [audit] = await audits("staff.create", id);
    expect(audit).toMatchObject({ actorId: loc.staff.MANAGER.userId, locationId: loc.id });
    expect(audit.details).toMatchObject({ after: { role: "SERVER", hourlyRateCents: 1550 }, newUser: true });

    await flushMail();
    const mail = await mailbox.waitFor(email);
    expect(mail.subject).toMatch(/added to/);
    const token = linkIn(mail).split("/").at(-1)!;
    // An invite lives longer than a reset link (see lib/auth/reset-token.ts).
    const row = await testDb().passwordResetToken.findFirstOrThrow({ where: { userId: id } });
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);
    expect(row.issuedById).toBe(loc.staff.MANAGER.userId);
    const invited = async () => (await listStaff(loc.ctx.MANAGER)).staff.find((s) => s.id === id)?.invited;
    expect(await invited()).toBe(true);
    await resetPassword({ token, newPassword: PASSWORD, confirmPassword: PASSWORD });
    expect(await invited()).toBe(false);
    const after = await testDb().user.findUniqueOrThrow({ where: { id } });
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(true);
  });

  it("gives a known email a membership here instead of a new user", async () => {
    const elsewhere = other.staff.CHEF;
    const before = await testDb().user.findUniqueOrThrow({ where: { id: elsewhere.userId } });
    const { id, newUser } = await createStaff(loc.ctx.MANAGER, {
      name: "Another name",
      email: elsewhere.email,
      role: "CHEF",
    });
    expect({ id, newUser }).toEqual({ id: elsewhere.userId, newUser: false });
    const after = await testDb().user.findUniqueOrThrow({ where: { id }, include: { memberships: true } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.name).toBe(before.name);
    expect(after.memberships.map((m) => m.locationId).sort()).toEqual([loc.id, other.id].sort());
    expect(await testDb().passwordResetToken.count({ where: { userId: id } })).toBe(0);
    await flushMail();
    expect((await mailbox.waitFor(elsewhere.email)).text).not.toMatch(/reset-password/);
  });

  it("refuses someone already on the staff here, also when two managers add them at once", async () => {
    const dup = await expectAppError(
      createStaff(loc.ctx.MANAGER, { name: "X", email: loc.staff.HOST.email, role: "HOST" }),
      "CONFLICT",
    );
    expect(dup.fieldErrors?.email).toBeDefined();
    const email = `race-${tag()}@example.test`;
    const results = await Promise.allSettled([
      createStaff(loc.ctx.MANAGER, { name: "Race", email, role: "HOST" }),
      createStaff(loc.ctx.ADMIN, { name: "Race", email, role: "HOST" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.code).toBe("CONFLICT");
    expect(await testDb().user.count({ where: { email } })).toBe(1);
    await flushMail();
  });

  it("answers bad input with field errors", async () => {
    const e = await expectAppError(
      createStaff(loc.ctx.MANAGER, { name: " ", email: "nope", role: "CHEF_DE_PARTIE" as never, hourlyRateCents: -5 }),
      "VALIDATION",
    );
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["email", "hourlyRateCents", "name", "role"]);
    await expectAppError(
      createStaff(loc.ctx.MANAGER, { name: "A", email: "a@b.test", role: "HOST", hourlyRateCents: 12.5 }),
      "VALIDATION",
    );
  });

  it("lets only an admin create an admin", async () => {
    const input = { name: "Boss", email: `boss-${tag()}@example.test`, role: "ADMIN" as const };
    await expectAppError(createStaff(loc.ctx.MANAGER, input), "FORBIDDEN");
    expect(await testDb().user.count({ where: { email: input.email } })).toBe(0);
    await createStaff(loc.ctx.ADMIN, input);
    await flushMail();
  });
});

describe("who may manage staff", () => {
  it("refuses every staff change to roles without staff.manage", async () => {
    const target = { id: loc.staff.HOST.userId };
    for (const role of ["SERVER", "CHEF", "CASHIER", "HOST"] as const) {
      const ctx = loc.ctx[role];
      await expectAppError(createStaff(ctx, { name: "X", email: `x-${tag()}@e.test`, role: "HOST" }), "FORBIDDEN");
      await expectAppError(updateStaff(ctx, { ...target, name: "Y" }), "FORBIDDEN");
      await expectAppError(deactivateStaff(ctx, target), "FORBIDDEN");
      await expectAppError(reactivateStaff(ctx, target), "FORBIDDEN");
      await expectAppError(unlockStaff(ctx, target), "FORBIDDEN");
      await expectAppError(issueResetLink(ctx, target), "FORBIDDEN");
      await expectAppError(getStaffMember(ctx, target), "FORBIDDEN");
      await expectAppError(listStaff(ctx), "FORBIDDEN");
    }
  });

  it("answers 404 for another location's staff", async () => {
    const target = { id: other.staff.SERVER.userId };
    const ctx = loc.ctx.ADMIN;
    await expectAppError(getStaffMember(ctx, target), "NOT_FOUND");
    await expectAppError(updateStaff(ctx, { ...target, name: "Hijacked" }), "NOT_FOUND");
    await expectAppError(deactivateStaff(ctx, target), "NOT_FOUND");
    await expectAppError(reactivateStaff(ctx, target), "NOT_FOUND");
    await expectAppError(unlockStaff(ctx, target), "NOT_FOUND");
    await expectAppError(issueResetLink(ctx, target), "NOT_FOUND");
    const untouched = await testDb().user.findUniqueOrThrow({ where: { id: target.id } });
    expect(untouched).toMatchObject({ name: other.staff.SERVER.name, active: true });
    expect(await testDb().passwordResetToken.count()).toBe(0);
  });

  it("keeps admins out of a manager's reach", async () => {
    const admin = { id: loc.staff.ADMIN.userId };
    const m = loc.ctx.MANAGER;
    await expectAppError(updateStaff(m, { ...admin, hourlyRateCents: 1 }), "FORBIDDEN");
    await expectAppError(updateStaff(m, { ...admin, role: "SERVER" }), "FORBIDDEN");
    await expectAppError(updateStaff(m, { id: loc.staff.HOST.userId, role: "ADMIN" }), "FORBIDDEN");
    await expectAppError(deactivateStaff(m, admin), "FORBIDDEN");
    await expectAppError(issueResetLink(m, admin), "FORBIDDEN");
    expect(await testDb().membership.count({ where: { locationId: loc.id, role: "ADMIN" } })).toBe(1);
  });
});

describe("updateStaff", () => {
  it("changes only what is sent, and audits before and after", async () => {
    const id = loc.staff.SERVER.userId;
    await updateStaff(loc.ctx.MANAGER, { id, role: "CASHIER", hourlyRateCents: 1800 });
    await updateStaff(loc.ctx.MANAGER, { id, name: "Renamed" });
    expect(await getStaffMember(loc.ctx.MANAGER, { id })).toMatchObject({
      name: "Renamed",
      role: "CASHIER",
      hourlyRateCents: 1800,
    });
    const [first, second] = await audits("staff.update", id);
    expect(first.details).toMatchObject({
      before: { role: "SERVER", hourlyRateCents: null },
      after: { role: "CASHIER", hourlyRateCents: 1800 },
    });
    expect(second.details).toMatchObject({ before: { name: loc.staff.SERVER.name }, after: { name: "Renamed" } });
    await updateStaff(loc.ctx.MANAGER, { id, hourlyRateCents: "" });
    expect((await getStaffMember(loc.ctx.MANAGER, { id })).hourlyRateCents).toBeNull();
    await expectAppError(updateStaff(loc.ctx.MANAGER, { id }), "VALIDATION");
  });

  it("never demotes the last active admin, even when two admins demote each other at once", async () => {
    const a = loc.staff.ADMIN;
    await expectAppError(updateStaff(a.ctx, { id: a.userId, role: "MANAGER" }), "CONFLICT");
    // Several rounds: two transactions only race when they overlap, which one try may not show.
    for (let round = 0; round < 4; round++) {
      const place = round === 0 ? loc : await buildLocation();
      const [x, y] = [place.staff.ADMIN, await addStaff(place, "ADMIN")];
      const results = await Promise.allSettled([
        updateStaff(x.ctx, { id: y.userId, role: "MANAGER" }),
        updateStaff(y.ctx, { id: x.userId, role: "MANAGER" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await testDb().membership.count({ where: { locationId: place.id, role: "ADMIN" } })).toBe(1);
    }
  });
});

describe("deactivate and reactivate", () => {
  it("ends every session at once and stops sign-in until reactivated", async () => {
    const s = loc.staff.SERVER;
    const [one, two] = [await startSession(s.userId, {}), await startSession(s.userId, {})];
    await deactivateStaff(loc.ctx.MANAGER, { id: s.userId });
    expect(await isSessionLive(one, s.userId)).toBe(false);
    expect(await isSessionLive(two, s.userId)).toBe(false);
    const user = await testDb().user.findUniqueOrThrow({ where: { id: s.userId } });
    expect(user).toMatchObject({ active: false, sessionVersion: 1 });
    const [audit] = await audits("staff.deactivate", s.userId);
    expect(audit.details).toMatchObject({ before: { active: true }, after: { active: false }, sessionsRevoked: 2 });
    // No reset link for a deactivated account, and an old one stops working.
    await expectAppError(issueResetLink(loc.ctx.MANAGER, { id: s.userId }), "INVALID_STATE");
    await reactivateStaff(loc.ctx.MANAGER, { id: s.userId });
    expect((await getStaffMember(loc.ctx.MANAGER, { id: s.userId })).active).toBe(true);
    expect(await audits("staff.reactivate", s.userId)).toHaveLength(1);
  });

  it("refuses deactivating oneself", async () => {
    await expectAppError(deactivateStaff(loc.ctx.MANAGER, { id: loc.staff.MANAGER.userId }), "FORBIDDEN");
  });

  it("never deactivates the last active admin, even when two admins deactivate each other at once", async () => {
    const a = loc.staff.ADMIN;
    const b = await addStaff(loc, "ADMIN");
    const results = await Promise.allSettled([
      deactivateStaff(a.ctx, { id: b.userId }),
      deactivateStaff(b.ctx, { id: a.userId }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason.code).toBe("CONFLICT");
    expect(await testDb().user.count({ where: { id: { in: [a.userId, b.userId] }, active: true } })).toBe(1);
  });

  it("counts an admin of two locations at both", async () => {
    const shared = await addStaff(other, "ADMIN");
    await testDb().membership.create({ data: { userId: shared.userId, locationId: loc.id, role: "ADMIN" } });
    await testDb().membership.deleteMany({ where: { locationId: other.id, userId: other.staff.ADMIN.userId } });
    // Fine at loc (its own admin remains) but `other` would be left without one.
    await expectAppError(deactivateStaff(loc.ctx.ADMIN, { id: shared.userId }), "CONFLICT");
  });
});

describe("unlockStaff", () => {
  it("clears the sign-in lock and this location's PIN lock", async () => {
    const s = loc.staff.CHEF;
    const until = new Date(Date.now() + 15 * 60_000);
    await testDb().user.update({ where: { id: s.userId }, data: { lockedUntil: until, failedLoginCount: 5 } });
    await testDb().membership.updateMany({
      where: { userId: s.userId, locationId: loc.id },
      data: { pinLockedUntil: until, pinFailedCount: 5 },
    });
    expect((await getStaffMember(loc.ctx.MANAGER, { id: s.userId })).locked).toBe(true);
    await unlockStaff(loc.ctx.MANAGER, { id: s.userId });
    const m = await testDb().membership.findFirstOrThrow({ where: { userId: s.userId }, include: { user: true } });
    expect(m).toMatchObject({ pinLockedUntil: null, pinFailedCount: 0 });
    expect(m.user).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
    const [audit] = await audits("staff.unlock", s.userId);
    expect(audit.details).toMatchObject({ before: { failedLoginCount: 5, pinFailedCount: 5 } });
  });
});

describe("issueResetLink", () => {
  it("shows the link once, mails the same link, and voids the previous one", async () => {
    const s = loc.staff.HOST;
    const first = await issueResetLink(loc.ctx.MANAGER, { id: s.userId });
    const second = await issueResetLink(loc.ctx.MANAGER, { id: s.userId });
    await flushMail();
    const mail = await mailbox.waitFor(s.email, { match: new RegExp(second.link.split("/").at(-1)!) });
    expect(linkIn(mail)).toBe(second.link);
    expect(await findResetTokenUser(first.link.split("/").at(-1)!)).toBeNull();
    expect((await findResetTokenUser(second.link.split("/").at(-1)!))?.email).toBe(s.email);
    const [audit] = await audits("staff.reset_link.issue", s.userId);
    expect(JSON.stringify(audit.details)).not.toContain(second.link.split("/").at(-1)!);
    const minutes = (Date.parse(second.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
  });
});
