import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { db } from "../db";
import { authOptions } from "./auth-options";
import type { Ctx } from "./context";
import { clientIp } from "../http/client-ip";
import { can, type Permission } from "./permissions";
import { admitSession, readSession } from "./user-sessions";

/**
 * The signed-in staff member, re-checked against the database on every request: a deactivated
 * user, a revoked session or a removed membership takes effect at once, not at token expiry.
 */
export const currentCtx = cache(async (): Promise<Ctx | null> => {
  const session = await getServerSession(authOptions);
  const u = session?.user;
  if (!u?.id || !u.locationId) return null;
  const [membership, row] = await Promise.all([
    db.membership.findUnique({
      where: { userId_locationId: { userId: u.id, locationId: u.locationId } },
      include: { user: { select: { active: true, name: true, email: true, sessionVersion: true } } },
    }),
    readSession(u.sid),
  ]);
  // A bumped sessionVersion (password change) revokes every older token as well.
  if (!membership || !membership.user.active || membership.user.sessionVersion !== (u.sv ?? 0)) return null;
  // Sign-out and "sign out everywhere" revoke the session row; a copied cookie dies with it. The
  // row also keeps the idle clock for the role held here (ADR 0005).
  if (!(await admitSession(row, u.id, membership.role))) return null;
  const h = await headers();
  return {
    userId: u.id,
    name: membership.user.name,
    email: membership.user.email,
    role: membership.role,
    locationId: membership.locationId,
    requestId: h.get("x-request-id") ?? crypto.randomUUID(),
    ip: clientIp(h),
    sessionId: u.sid,
  };
});

/** For pages: signed-out → /login (and back afterwards); wrong role → the 403 page. */
export async function requireUser(permission?: Permission): Promise<Ctx> {
  const ctx = await currentCtx();
  if (!ctx) {
    const path = (await headers()).get("x-pathname") ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (permission && !can(ctx, permission)) forbidden();
  return ctx;
}
