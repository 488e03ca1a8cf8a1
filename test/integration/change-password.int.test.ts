import { beforeEach, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/staff/change-password";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/prisma/demo-seed";
import { ctxFor, expectAppError, resetDb, seedFixture, testDb } from "./helpers";

async function fieldErrorsOf(p: Promise<unknown>): Promise<Record<string, string[]>> {
  return (await expectAppError(p, "VALIDATION")).fieldErrors ?? {};
}

describe("changePassword", () => {
  beforeEach(async () => {
    await resetDb();
    await seedFixture();
  });

  it("changes the hash, revokes sessions and audits", async () => {
    const ctx = await ctxFor("server@demo.kitchen");
    await changePassword(ctx, {
      currentPassword: DEMO_PASSWORD,
      newPassword: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    const user = await testDb().user.findUniqueOrThrow({ where: { id: ctx.userId } });
    expect(await verifyPassword(user.passwordHash, "a brand new passphrase")).toBe(true);
    expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(false);
    expect(user.sessionVersion).toBe(1);
    expect(await testDb().auditLog.count({ where: { actorId: ctx.userId, action: "auth.password.changed" } })).toBe(1);
  });

  it("requires the current password", async () => {
    const ctx = await ctxFor("server@demo.kitchen");
    const errors = await fieldErrorsOf(
      changePassword(ctx, {
        currentPassword: "wrong",
        newPassword: "a brand new passphrase",
        confirmPassword: "a brand new passphrase",
      }),
    );
    expect(errors.currentPassword).toBeDefined();
  });

  it("applies the policy: length, blocklist, not the email, not the old one", async () => {
    const ctx = await ctxFor("server@demo.kitchen");
    for (const [pw, message] of [
      ["short", /at least 12/],
      ["password1234", /too common/],
      ["server-is-my-name", /email/],
      [DEMO_PASSWORD, /not been using/],
    ] as const) {
      const errors = await fieldErrorsOf(
        changePassword(ctx, { currentPassword: DEMO_PASSWORD, newPassword: pw, confirmPassword: pw }),
      );
      expect(errors.newPassword?.join(" ")).toMatch(message);
    }
    const user = await testDb().user.findUniqueOrThrow({ where: { id: ctx.userId } });
    expect(await verifyPassword(user.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(user.sessionVersion).toBe(0);
  });
});
