import "server-only";
import { z } from "zod";
import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { rateLimitKeyForIp } from "../http/client-ip";
import { rateLimitedError } from "../http/rate-limit-headers";
import { limiter } from "../ops/rate-limit";
import { resetMail } from "../mail/staff-mail";
import { runLater, sendMail } from "../mail/send-mail";
import { parseInput } from "../validation";
import { log } from "../log";
import { issueResetToken, RESET_TTL_MINUTES } from "./reset-token";

export const requestPasswordResetSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email").max(254, "Enter a valid email"),
});
export type RequestPasswordResetInput = z.input<typeof requestPasswordResetSchema>;

export type RequestMeta = { ip?: string | null; requestId?: string | null };

/** The only answer, whether or not the email has an account. */
export const RESET_REQUESTED =
  "If that email belongs to a staff account, a reset link is on its way. It expires in 30 minutes.";

/**
 * "Forgot password?": signed out, so no ctx. The answer never depends on the account: the lookup,
 * the token and the mail all run after the answer (runLater), so neither the body nor the timing
 * says whether the email exists. Throttled per address (429) and, silently, per email.
 */
export async function requestPasswordReset(
  raw: RequestPasswordResetInput,
  meta: RequestMeta = {},
): Promise<{ message: string }> {
  const { email } = parseInput(requestPasswordResetSchema, raw);
  const byIp = limiter("reset-ip");
  const verdict = await byIp.limit(rateLimitKeyForIp(meta.ip ?? "unknown"));
  if (!verdict.success)
    throw rateLimitedError(byIp.policy, verdict, "Too many reset requests from here. Wait a few minutes.");
  const perEmail = await limiter("reset-email").limit(email);
  if (perEmail.success) {
    void runLater(() => issueByEmail(email, meta), { requestId: meta.requestId, purpose: "password reset" });
  }
  return { message: RESET_REQUESTED };
}

async function issueByEmail(email: string, meta: RequestMeta): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, active: true, memberships: { select: { locationId: true }, take: 1 } },
  });
  const eligible = !!user && user.active && user.memberships.length > 0;
  const issued = eligible
    ? await db.$transaction(async (tx) => {
        const t = await issueResetToken(tx, { userId: user.id, ip: meta.ip, ttlMs: RESET_TTL_MINUTES * 60_000 });
        await recordAudit(
          {
            action: "auth.password_reset.requested",
            actorId: user.id,
            locationId: user.memberships[0].locationId,
            entityType: "User",
            entityId: user.id,
            details: { email, expiresAt: t.expiresAt.toISOString() },
            ip: meta.ip,
            requestId: meta.requestId,
          },
          tx,
        );
        return t;
      })
    : null;
  if (!issued || !user) {
    // Logged, not audited: the audit log is for accounts, and a stranger's typos are not one.
    log.info("password reset asked for an email without an active account", { requestId: meta.requestId });
    return;
  }
  await sendMail(resetMail(user, issued.link, RESET_TTL_MINUTES));
}
