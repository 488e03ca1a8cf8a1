import { z } from "zod";

// What the join form checks before it asks the server (the server checks the same again).

export const NICKNAME_MAX = 30;

export const joinSchema = z.object({
  pin: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "Enter the 4 digits your server gave you"),
  nickname: z
    .string()
    .trim()
    .min(1, "Tell us what to call you")
    .max(NICKNAME_MAX, `At most ${NICKNAME_MAX} characters`)
    .regex(/^[^<>{}\\]*$/, "Letters, numbers and spaces, please"),
});
export type JoinInput = z.infer<typeof joinSchema>;

export type JoinCheck =
  { ok: true; value: JoinInput } | { ok: false; fieldErrors: { pin?: string[]; nickname?: string[] } };

/** Check the form's fields; digits typed with spaces or from a pasted "48 21" are kept as digits. */
export function checkJoin(raw: { pin: string; nickname: string }): JoinCheck {
  const parsed = joinSchema.safeParse({ pin: raw.pin.replace(/\s+/g, ""), nickname: raw.nickname });
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: { pin?: string[]; nickname?: string[] } = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (key === "pin" || key === "nickname") (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors };
}

/** Keep only digits, at most 4: what the PIN field holds as the guest types or pastes. */
export const pinDigits = (typed: string) => typed.replace(/\D/g, "").slice(0, 4);

/** "Too many tries. Try again in 15 minutes." from the server's seconds (rounded up, at least 1). */
export function lockMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many tries. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
