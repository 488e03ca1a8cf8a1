import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../db";
import { env } from "../env";

/** A reset link lives 30 minutes: long enough to open a mail, short enough that a leaked one goes stale. */
export const RESET_TTL_MINUTES = 30;
/**
 * An invite lives 72 hours: new staff are told "check your mail" at the interview or by phone and
 * may not look for a day or two; the link can only set the first password of an account nobody
 * has signed in to yet, and a manager can issue a fresh 30-minute link at any time.
 */
export const INVITE_TTL_HOURS = 72;

/** 128 random bits, base64url: 22 characters. */
export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Only this digest is stored: a copy of the table cannot be turned back into working links. */
export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function resetLinkFor(token: string): string {
  const base = env().NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(`/reset-password/${token}`, base).toString();
}

/**
 * Issue a fresh token for a user, voiding their older unused ones, inside the caller's
 * transaction. The user row is locked first, so two requests at once cannot both leave a live token.
 */
export async function issueResetToken(
  tx: Tx,
  opts: { userId: string; issuedById?: string | null; ip?: string | null; ttlMs: number },
): Promise<{ token: string; link: string; expiresAt: Date }> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${opts.userId} FOR UPDATE`;
  const now = new Date();
  await tx.passwordResetToken.updateMany({
    where: { userId: opts.userId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const token = randomBytes(16).toString("base64url");
  const expiresAt = new Date(now.getTime() + opts.ttlMs);
  await tx.passwordResetToken.create({
    data: {
      userId: opts.userId,
      tokenHash: hashResetToken(token),
      expiresAt,
      issuedById: opts.issuedById ?? null,
      ip: opts.ip?.slice(0, 64) ?? null,
    },
  });
  return { token, link: resetLinkFor(token), expiresAt };
}
