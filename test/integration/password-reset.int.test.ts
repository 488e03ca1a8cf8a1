// Password reset by email (issue 10): a real SMTP server receives the mail; tokens are 128-bit,
// stored only as SHA-256, single use, 30 minutes, voided by a newer one; the answer is the same
// whether or not the email has an account, and never waits for the mail.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requestPasswordReset, RESET_REQUESTED } from "@/lib/auth/request-password-reset";
import { findResetTokenUser, LINK_INVALID, resetPassword } from "@/lib/auth/reset-password";
import { isSessionLive, startSession } from "@/lib/auth/user-sessions";
import { flushMail } from "@/lib/mail/send-mail";
import { linkIn, mailboxPort, startMailbox, type Mailbox } from "../support/smtp-mailbox";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { tag } from "./builders/tag";
import { expectAppError, resetDb, testDb } from "./helpers";

// Read once by lib/env.ts, lazily: set before any use case runs. The port is bound in beforeAll.
const SMTP_PORT = mailboxPort();
process.env.SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;

let mailbox: Mailbox;
let loc: BuiltLocation;
/** A fresh address per test: the limiters live in the shared Redis across runs. */
const ip = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250)).join(".")}`;

const NEW_PASSWORD = "a fresh kitchen passphrase";

async function userWithPassword(role: "SERVER" | "CHEF" = "SERVER") {
  const member = loc.staff[role];
  const email = `reset-${tag()}@example.test`;
  await testDb().user.update({
    where: { id: member.userId },
    data: { email, passwordHash: await hashPassword("the old kitchen password") },
  });
  return { ...member, email };
}

async function requestAndRead(email: string) {
  const before = mailbox.mails.length;
  const answer = await requestPasswordReset({ email }, { ip: ip(), requestId: "t" });
  await flushMail();
  const mail = await mailbox.waitFor(email, { after: before });
  return { answer, link: linkIn(mail), token: linkIn(mail).split("/").at(-1)! };
}

beforeAll(async () => {
  mailbox = await startMailbox(SMTP_PORT);
});
afterAll(async () => {
  await flushMail();
  await mailbox.close();
});
beforeEach(async () => {
  await resetDb();
  loc = await buildLocation();
  mailbox.setDelay(0);
});

describe("requestPasswordReset", () => {
  it("mails a 128-bit single-use link and stores only its SHA-256", async () => {
    const u = await userWithPassword();
    const { answer, link, token } = await requestAndRead(u.email);
    expect(answer).toEqual({ message: RESET_REQUESTED });
    expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(16);
    const rows = await testDb().passwordResetToken.findMany({ where: { userId: u.userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
    const minutes = (rows[0].expiresAt.getTime() - rows[0].createdAt.getTime()) / 60_000;
    expect(minutes).toBeCloseTo(30, 0);
    expect(
      await testDb().auditLog.count({ where: { action: "auth.password_reset.requested", actorId: u.userId } }),
    ).toBe(1);
  });

  it("answers an unknown or deactivated email exactly like a known one, and sends nothing", async () => {
    const known = await userWithPassword();
    const inactive = await userWithPassword("CHEF");
    await testDb().user.update({ where: { id: inactive.userId }, data: { active: false } });
    const before = mailbox.mails.length;
    const a = await requestPasswordReset({ email: known.email }, { ip: ip() });
    const b = await requestPasswordReset({ email: `nobody-${tag()}@example.test` }, { ip: ip() });
    const c = await requestPasswordReset({ email: inactive.email }, { ip: ip() });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    await flushMail();
    await mailbox.waitFor(known.email, { after: before });
    expect(mailbox.mails.slice(before).map((m) => m.to[0])).toEqual([known.email]);
    expect(await testDb().passwordResetToken.count()).toBe(1);
  });

  it("does not wait for the mail server before answering", async () => {
    const u = await userWithPassword();
    mailbox.setDelay(1_500);
    const started = Date.now();
    await requestPasswordReset({ email: u.email }, { ip: ip() });
    expect(Date.now() - started).toBeLessThan(500);
    await flushMail();
    mailbox.setDelay(0);
  });

  it("refuses a malformed email with a field error", async () => {
    const error = await expectAppError(requestPasswordReset({ email: "not-an-email" }, { ip: ip() }), "VALIDATION");
    expect(error.fieldErrors?.email).toBeDefined();
  });

  it("throttles one address (429) and, silently, one email", async () => {
    const u = await userWithPassword();
    const from = ip();
    const before = mailbox.mails.length;
    for (let i = 0; i < 5; i++)
      expect(await requestPasswordReset({ email: u.email }, { ip: from })).toEqual({ message: RESET_REQUESTED });
    await flushMail();
    // Three mails per email per 15 minutes, whoever asks: the answer stays the same.
    expect(mailbox.mails.slice(before).filter((m) => m.to.includes(u.email))).toHaveLength(3);
    for (let i = 0; i < 15; i++) await requestPasswordReset({ email: `x${i}-${tag()}@example.test` }, { ip: from });
    const error = await expectAppError(requestPasswordReset({ email: u.email }, { ip: from }), "RATE_LIMITED");
    expect(error.status).toBe(429);
    await flushMail();
  });
});

describe("resetPassword", () => {
  it("sets the password, clears the lock, ends every session and audits", async () => {
    const u = await userWithPassword();
    await testDb().user.update({
      where: { id: u.userId },
      data: { lockedUntil: new Date(Date.now() + 600_000), failedLoginCount: 5 },
    });
    const sid = await startSession(u.userId, {});
    const { token } = await requestAndRead(u.email);
    expect((await findResetTokenUser(token))?.email).toBe(u.email);
    expect(await resetPassword({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({
      email: u.email,
    });
    const user = await testDb().user.findUniqueOrThrow({ where: { id: u.userId } });
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(user.lockedUntil).toBeNull();
    expect(user.failedLoginCount).toBe(0);
    expect(user.sessionVersion).toBe(1);
    expect(await isSessionLive(sid, u.userId)).toBe(false);
    expect(
      await testDb().auditLog.count({ where: { action: "auth.password_reset.completed", actorId: u.userId } }),
    ).toBe(1);
  });

  it("works once", async () => {
    const u = await userWithPassword();
    const { token } = await requestAndRead(u.email);
    await resetPassword({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    const again = await expectAppError(
      resetPassword({
        token,
        newPassword: "another kitchen passphrase",
        confirmPassword: "another kitchen passphrase",
      }),
      "VALIDATION",
    );
    expect(again.fieldErrors?.token).toEqual([LINK_INVALID]);
    expect(await findResetTokenUser(token)).toBeNull();
  });

  it("lets exactly one of two simultaneous submits through", async () => {
    const u = await userWithPassword();
    const { token } = await requestAndRead(u.email);
    const results = await Promise.allSettled(
      ["first kitchen passphrase", "second kitchen passphrase"].map((p) =>
        resetPassword({ token, newPassword: p, confirmPassword: p }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await testDb().user.findUniqueOrThrow({ where: { id: u.userId } })).toMatchObject({ sessionVersion: 1 });
  });

  it("refuses an expired link", async () => {
    const u = await userWithPassword();
    const { token } = await requestAndRead(u.email);
    await testDb().passwordResetToken.updateMany({
      where: { userId: u.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expectAppError(
      resetPassword({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      "VALIDATION",
    );
    const user = await testDb().user.findUniqueOrThrow({ where: { id: u.userId } });
    expect(await verifyPassword(user.passwordHash, "the old kitchen password")).toBe(true);
  });

  it("voids an older link when a new one is issued", async () => {
    const u = await userWithPassword();
    const first = await requestAndRead(u.email);
    const second = await requestAndRead(u.email);
    expect(second.token).not.toBe(first.token);
    expect(await findResetTokenUser(first.token)).toBeNull();
    await expectAppError(
      resetPassword({ token: first.token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
      "VALIDATION",
    );
    await resetPassword({ token: second.token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
  });

  it("applies the password policy without spending the link", async () => {
    const u = await userWithPassword();
    const { token } = await requestAndRead(u.email);
    const weak = await expectAppError(
      resetPassword({ token, newPassword: "short", confirmPassword: "short" }),
      "VALIDATION",
    );
    expect(weak.fieldErrors?.newPassword?.join(" ")).toMatch(/at least 12/);
    const differ = await expectAppError(
      resetPassword({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD + "!" }),
      "VALIDATION",
    );
    expect(differ.fieldErrors?.confirmPassword).toBeDefined();
    expect(await findResetTokenUser(token)).not.toBeNull();
  });

  it("refuses made-up and malformed tokens the same way", async () => {
    for (const token of ["A".repeat(22), "short", "../../etc", ""]) {
      const e = await expectAppError(
        resetPassword({ token, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
        "VALIDATION",
      );
      expect(e.message).toBe(LINK_INVALID);
    }
  });
});
