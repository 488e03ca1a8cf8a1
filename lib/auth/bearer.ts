import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { looksLikeJwt, verifyAccessToken } from "./access-token";
import type { Ctx } from "./context";
import { hashOpaqueToken, PERSONAL_PREFIX } from "./opaque-token";
import { isSessionLive } from "./user-sessions";

/**
 * The token of an `Authorization: Bearer …` header; null without one. Other schemes are not ours
 * (a staging site behind HTTP Basic auth): the request goes on as a cookie request.
 */
export function bearerTokenOf(headers: Headers): string | null {
  const value = headers.get("authorization");
  if (!value || !/^Bearer(\s|$)/i.test(value)) return null;
  const m = /^Bearer[ ]+(\S{1,2000})\s*$/i.exec(value);
  if (!m) throw invalidToken("Send the token as: Authorization: Bearer <token>");
  return m[1];
}

function invalidToken(message = "The access token is invalid, expired or revoked"): AppError {
  return new AppError("UNAUTHENTICATED", message, undefined, undefined, {
    "www-authenticate": 'Bearer error="invalid_token"',
  });
}

/** Personal tokens record their last use at most once a minute. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The acting context of a bearer request, checked against the database like a cookie session:
 * the user must still be active and a member of the token's location, and the role is read now
 * (never taken from the token), so a token can never do more than its staff member's role.
 */
export async function ctxFromBearer(token: string, meta: { requestId: string; ip?: string }): Promise<Ctx> {
  if (token.startsWith(PERSONAL_PREFIX)) return personalCtx(token, meta);
  if (!looksLikeJwt(token)) throw invalidToken();
  const claims = verifyAccessToken(token);
  if (!claims) throw invalidToken();
  const [membership, live] = await Promise.all([
    db.membership.findUnique({
      where: { userId_locationId: { userId: claims.sub, locationId: claims.loc } },
      include: { user: { select: { active: true, name: true, email: true, sessionVersion: true } } },
    }),
    isSessionLive(claims.sid, claims.sub),
  ]);
  if (!membership || !membership.user.active || membership.user.sessionVersion !== claims.sv || !live)
    throw invalidToken();
  return {
    userId: claims.sub,
    name: membership.user.name,
    email: membership.user.email,
    role: membership.role,
    locationId: membership.locationId,
    requestId: meta.requestId,
    ip: meta.ip,
    sessionId: claims.sid,
    scopes: claims.scope.split(" ").filter(Boolean),
  };
}

async function personalCtx(token: string, meta: { requestId: string; ip?: string }): Promise<Ctx> {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashOpaqueToken(token) },
    include: { user: { select: { active: true, name: true, email: true } } },
  });
  const now = Date.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now) || !row.user.active)
    throw invalidToken();
  const membership = await db.membership.findUnique({
    where: { userId_locationId: { userId: row.userId, locationId: row.locationId } },
    select: { role: true },
  });
  if (!membership) throw invalidToken();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS)
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - TOUCH_EVERY_MS) } }] },
      data: { lastUsedAt: new Date(now) },
    });
  return {
    userId: row.userId,
    name: row.user.name,
    email: row.user.email,
    role: membership.role,
    locationId: row.locationId,
    requestId: meta.requestId,
    ip: meta.ip,
    scopes: row.scopes,
    apiTokenId: row.id,
  };
}
