import { z } from "zod";
import { COMMON_PASSWORDS } from "./common-passwords";

/** NIST SP 800-63B: length and a blocklist, no composition rules. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function passwordProblems(password: string, context: { email?: string; name?: string } = {}): string[] {
  const problems: string[] = [];
  const lower = password.toLowerCase();
  if ([...password].length < PASSWORD_MIN) problems.push(`Use at least ${PASSWORD_MIN} characters`);
  if ([...password].length > PASSWORD_MAX) problems.push(`Use at most ${PASSWORD_MAX} characters`);
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/[0-9!@#$%^&*.]+$/, ""))) {
    problems.push("This password is too common; choose another");
  }
  if (/^(.)\1+$/.test(password)) problems.push("Do not repeat one character");
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) problems.push("Do not use your email in your password");
  return problems;
}

export const newPasswordSchema = z.string().superRefine((value, ctx) => {
  for (const message of passwordProblems(value)) ctx.addIssue({ code: "custom", message });
});
