import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db } from "../db";
import { env } from "../env";
import type { Ctx } from "./context";
import { clientIp } from "../http/client-ip";
import { can, type Permission } from "./permissions";
import { admitSession, type SessionRow } from "./user-sessions";
import { sessionExpired, type Role } from "./roles";
import { decodeSessionToken, sessionCookieValue } from "./session-token";

/**
 * The signed-in staff member, re-checked against the database on every request: a deactivated
 * user, a revoked session or a removed membership takes effect at once, not at token expiry.
 */
export const currentCtx = cache(async (): Promise<Ctx | null> => {
  // The cookie is read here rather than through getServerSession, which re-derived the key and
  // re-encrypted a fresh cookie on every request (lib/auth/session-token.ts). The checks are the
  // session callback's: an unreadable or expired token, or one past its role's lifetime, is signed out.
  const raw = sessionCookieValue(await cookies());
  const token = raw ? decodeSessionToken(raw, env().NEXTAUTH_SECRET) : null;
  if (!token?.sub || !token.locationId || tokenTooOld(token)) return null;
  const u = { id: token.sub, locationId: token.locationId, sid: token.sid, sv: token.sv };
  // Membership, user and session row in one hand-written read: this runs on every authenticated
  // request, and two ORM queries cost more CPU (query compilation, result mapping) than the SQL.
  const [row] = await db.$queryRaw<MemberRow[]>`
    SELECT m.role::text AS role, m."locationId", u.active, u.name, u.email, u."sessionVersion",
      s.id AS "sessionId", s."userId" AS "sessionUserId", s."revokedAt", s."expiresAt", s."createdAt", s."lastSeenAt"
    FROM "Membership" m JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "UserSession" s ON s.id = ${u.sid ?? null}
    WHERE m."userId" = ${u.id} AND m."locationId" = ${u.locationId}`;
  // A bumped sessionVersion (password change) revokes every older token as well.
  if (!row || !row.active || row.sessionVersion !== (u.sv ?? 0)) return null;
  // Sign-out and "sign out everywhere" revoke the session row; a copied cookie dies with it. The
  // row also keeps the idle clock for the role held here (ADR 0005).
  if (!(await admitSession(sessionRowOf(row), u.id, row.role))) return null;
  const h = await headers();
  return {
    userId: u.id,
    name: row.name,
    email: row.email,
    role: row.role,
    locationId: row.locationId,
    requestId: h.get("x-request-id") ?? crypto.randomUUID(),
    ip: clientIp(h),
    sessionId: u.sid,
  };
});

/** The token outlived its role's absolute lifetime (the jwt callback's check; the idle clock is the row's). */
function tokenTooOld(token: { role: Role; authAt: number }): boolean {
  const now = Date.now();
  return sessionExpired(token.role, token.authAt, now, now);
}

type MemberRow = {
  role: Role;
  locationId: string;
  active: boolean;
  name: string;
  email: string;
  sessionVersion: number;
  sessionId: string | null;
  sessionUserId: string | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  createdAt: Date | null;
  lastSeenAt: Date | null;
};

/** The session row (as readSession returns it), or null when the token's session does not exist. */
function sessionRowOf(r: MemberRow): SessionRow | null {
  if (r.sessionId === null || r.sessionUserId === null) return null;
  return {
    id: r.sessionId,
    userId: r.sessionUserId,
    revokedAt: r.revokedAt,
    expiresAt: r.expiresAt!,
    createdAt: r.createdAt!,
    lastSeenAt: r.lastSeenAt!,
  };
}

/** The staff surfaces: a page there also needs "surfaces.staff" (a driver's phone stays in /driver). */
const STAFF_SURFACES = /^\/(floor|kitchen|admin)(\/|\?|$)/;

/** For pages: signed-out → /login (and back afterwards); wrong role → the 403 page. */
export async function requireUser(permission?: Permission): Promise<Ctx> {
  const ctx = await currentCtx();
  const path = (await headers()).get("x-pathname") ?? "/";
  if (!ctx) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (permission && !can(ctx, permission)) forbidden();
  if (STAFF_SURFACES.test(path) && !can(ctx, "surfaces.staff")) forbidden();
  return ctx;
}
