import { describe, expect, it } from "vitest";
import { newPasswordSchema, passwordProblems, PASSWORD_MIN } from "./password-policy";

describe("password policy", () => {
  it("accepts a long passphrase without composition rules", () => {
    expect(passwordProblems("correct horse staple battery")).toEqual([]);
    expect(passwordProblems("all lowercase words here")).toEqual([]);
  });

  it("requires a minimum length", () => {
    expect(passwordProblems("short1!")).toContain(`Use at least ${PASSWORD_MIN} characters`);
  });

  it("rejects common passwords, also with digits or symbols appended", () => {
    expect(passwordProblems("passwordpassword")).toContain("This password is too common; choose another");
    expect(passwordProblems("qwertyuiop123!")).toContain("This password is too common; choose another");
  });

  it("rejects a password containing the email's name", () => {
    expect(passwordProblems("maria.lopez-rocks", { email: "maria.lopez@demo.kitchen" })).toContain(
      "Do not use your email in your password",
    );
  });

  it("works as a zod schema with messages", () => {
    const r = newPasswordSchema.safeParse("abc");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/at least/);
    expect(newPasswordSchema.safeParse("a sensible long passphrase").success).toBe(true);
  });
});
