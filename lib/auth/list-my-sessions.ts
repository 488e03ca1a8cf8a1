import "server-only";
import { db } from "../db";
import type { Ctx } from "./context";

export type SessionView = { id: string; current: boolean; createdAt: Date; ip: string | null; device: string };

/** The acting user's live sessions, newest first (for /account). */
export async function listMySessions(ctx: Ctx): Promise<SessionView[]> {
  const rows = await db.userSession.findMany({
    where: { userId: ctx.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return rows.map((r) => ({
    id: r.id,
    current: r.id === ctx.sessionId,
    createdAt: r.createdAt,
    ip: r.ip,
    device: describeDevice(r.userAgent),
  }));
}

/** A short, human label from a User-Agent ("Chrome on Android"); never shown raw. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrom(e|ium)\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Browser";
  const os = /Android/.test(userAgent)
    ? "Android"
    : /iPad|iPhone|iPod/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "unknown system";
  return `${browser} on ${os}`;
}
