import "server-only";
import { db, type Tx } from "../db";
import { ABSOLUTE_MAX_SECONDS } from "./roles";

/** Open a server-side session at sign-in; its id goes into the JWT as `sid`. */
export async function startSession(
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null },
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
    },
  });
  return row.id;
}

/** A token is good only while its session row exists, belongs to its user, and is neither revoked nor expired. */
export async function isSessionLive(sessionId: string | undefined, userId: string): Promise<boolean> {
  if (!sessionId) return false; // tokens from before server-side sessions: sign in again
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, revokedAt: true, expiresAt: true },
  });
  return !!row && row.userId === userId && row.revokedAt === null && row.expiresAt > new Date();
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
