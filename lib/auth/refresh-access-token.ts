import "server-only";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { text } from "../validation";
import { issueTokenPair, type TokenResponse } from "./issue-token-pair";
import { OAuthError } from "./oauth-error";
import { hashOpaqueToken } from "./opaque-token";
import { parseScopeString } from "./scopes";
import { revokeSessions } from "./user-sessions";

export const refreshGrantSchema = z.object({
  grant_type: z.literal("refresh_token"),
  refresh_token: text("Enter the refresh token").min(1, "Enter the refresh token").max(200),
  /** May only narrow the family's scopes (RFC 6749 §6). */
  scope: text().max(500).optional(),
});
export type RefreshGrantInput = z.infer<typeof refreshGrantSchema>;

const REFUSED = "The refresh token is invalid, expired or revoked";

/**
 * Rotate: the presented refresh token is spent and a new pair is issued in the same family (the
 * session). Presenting a spent token again means it was copied: the whole family is revoked (the
 * thief's and the owner's tokens alike) and audited. A revoked session (sign-out everywhere,
 * password change or reset, deactivation, device revoked) or a removed membership refuses too.
 */
export async function refreshAccessToken(
  input: RefreshGrantInput,
  meta: { ip?: string | null; requestId?: string | null },
): Promise<TokenResponse> {
  const now = new Date();
  const row = await db.refreshToken.findUnique({
    where: { tokenHash: hashOpaqueToken(input.refresh_token) },
    include: {
      session: { select: { revokedAt: true, expiresAt: true } },
      user: { select: { active: true, sessionVersion: true } },
    },
  });
  if (!row) throw new OAuthError("invalid_grant", REFUSED);
  if (row.usedAt) {
    await revokeFamily(row, meta);
    throw new OAuthError("invalid_grant", REFUSED);
  }
  if (row.session.revokedAt || row.expiresAt <= now || !row.user.active) throw new OAuthError("invalid_grant", REFUSED);

  let scopes = row.scopes;
  if (input.scope !== undefined && input.scope.trim() !== "") {
    const asked = parseScopeString(input.scope);
    if ("unknown" in asked || asked.scopes.some((s) => !row.scopes.includes(s)))
      throw new OAuthError("invalid_scope", "A refresh can only keep or narrow the granted scopes");
    scopes = asked.scopes;
  }

  const membership = await db.membership.findUnique({
    where: { userId_locationId: { userId: row.userId, locationId: row.locationId } },
    select: { role: true },
  });
  if (!membership) throw new OAuthError("invalid_grant", REFUSED);

  const pair = await db.$transaction(async (tx) => {
    // Conditional: of two racing uses of one token only one spends it.
    const spent = await tx.refreshToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count === 0) return null;
    return issueTokenPair(
      {
        userId: row.userId,
        locationId: row.locationId,
        role: membership.role,
        sessionId: row.sessionId,
        sessionVersion: row.user.sessionVersion,
        expiresAt: row.expiresAt,
      },
      scopes,
      row.device,
      tx,
    );
  });
  if (!pair) {
    await revokeFamily(row, meta);
    throw new OAuthError("invalid_grant", REFUSED);
  }
  return pair;
}

async function revokeFamily(
  row: { id: string; userId: string; locationId: string; sessionId: string; device: string | null },
  meta: { ip?: string | null; requestId?: string | null },
): Promise<void> {
  const ended = await revokeSessions({ userId: row.userId, sessionId: row.sessionId });
  await recordAudit({
    action: "auth.refresh_token.reused",
    actorId: row.userId,
    locationId: row.locationId,
    entityType: "UserSession",
    entityId: row.sessionId,
    details: { refreshTokenId: row.id, device: row.device, familyRevoked: ended.length > 0 },
    ip: meta.ip ?? null,
    requestId: meta.requestId ?? null,
  });
}
