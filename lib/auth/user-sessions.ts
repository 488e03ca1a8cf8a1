import "server-only";
import { db, type Tx } from "../db";
import { ABSOLUTE_MAX_SECONDS, sessionExpired, type Role } from "./roles";

/**
 * Open a server-side session at sign-in; its id goes into the JWT as `sid`. `deviceId` is the
 * enrolled device it opens on, if any: revoking that device revokes the session (ADR 0022).
 */
export async function startSession(
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null; deviceId?: string | null },
): Promise<string> {
  const now = Date.now();
  // Housekeeping on the user's own rows: expired sessions are useless.
  await db.userSession.deleteMany({ where: { userId, expiresAt: { lt: new Date(now) } } });
  const row = await db.userSession.create({
    data: {
      userId,
      createdAt: new Date(now),
      expiresAt: new Date(now + ABSOLUTE_MAX_SECONDS * 1000),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      deviceId: meta.deviceId ?? null,
    },
  });
  return row.id;
}

/** Sliding the idle window costs one UPDATE per session per minute, not one per request. */
const SLIDE_EVERY_MS = 60_000;

export type SessionRow = {
  id: string;
  userId: string;
  revokedAt: Date | null;
  expiresAt: Date;
  createdAt: Date;
  lastSeenAt: Date;
};

export async function readSession(sessionId: string | undefined): Promise<SessionRow | null> {
  if (!sessionId) return null; // tokens from before server-side sessions: sign in again
  return db.userSession.findUnique({
    where: { id: sessionId },
    select: { id: true, userId: true, revokedAt: true, expiresAt: true, createdAt: true, lastSeenAt: true },
  });
}

/**
 * A token is good only while its session row exists, belongs to its user, and is neither revoked
 * nor expired. Given the role, the session must also have been used within the role's idle window.
 */
function sessionIsLive(row: SessionRow | null, userId: string, role?: Role, now = Date.now()): boolean {
  if (!row || row.userId !== userId || row.revokedAt !== null || row.expiresAt.getTime() <= now) return false;
  return !role || !sessionExpired(role, row.createdAt.getTime(), row.lastSeenAt.getTime(), now);
}

/**
 * This use slides the idle window: the server keeps the idle clock, so no screen has to poll to
 * stay signed in, and an old copy of the cookie cannot reset it. Conditional, so concurrent
 * requests of one screen write once.
 */
async function slideSession(row: SessionRow, now = Date.now()): Promise<void> {
  if (now - row.lastSeenAt.getTime() < SLIDE_EVERY_MS) return;
  await db.userSession.updateMany({
    where: { id: row.id, lastSeenAt: { lt: new Date(now - SLIDE_EVERY_MS) } },
    data: { lastSeenAt: new Date(now) },
  });
}

/** The whole rule for one request, given its session row: live for the role held, and this use slides it. */
export async function admitSession(row: SessionRow | null, userId: string, role: Role): Promise<boolean> {
  if (!sessionIsLive(row, userId, role)) return false;
  await slideSession(row!);
  return true;
}

/** By id: without a role only whether the session is live (sign-out, revocation); with one, admitSession. */
export async function isSessionLive(sessionId: string | undefined, userId: string, role?: Role): Promise<boolean> {
  const row = await readSession(sessionId);
  return role ? admitSession(row, userId, role) : sessionIsLive(row, userId);
}

/** Revoke every live session opened on an enrolled device (any user); returns them for the audit. */
export async function revokeDeviceSessions(deviceId: string, tx: Tx): Promise<{ id: string; userId: string }[]> {
  const rows = await tx.userSession.findMany({
    where: { deviceId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, userId: true },
  });
  if (rows.length)
    await tx.userSession.updateMany({
      where: { id: { in: rows.map((r) => r.id) }, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  return rows;
}

/** Revoke live sessions (one, or all of a user's) and return their ids. */
export async function revokeSessions(where: { userId: string; sessionId?: string }, tx?: Tx): Promise<string[]> {
  const client = tx ?? db;
  const rows = await client.userSession.findMany({
    where: {
      userId: where.userId,
      ...(where.sessionId ? { id: where.sessionId } : {}),
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    select: { id: true },
  });
  const ids = rows.map((r) => r.id);
  if (ids.length)
    await client.userSession.updateMany({
      where: { id: { in: ids }, revokedAt: null },
      data: { revokedAt: new Date() },
    });
  return ids;
}
