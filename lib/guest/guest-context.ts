import "server-only";
import { timingSafeEqual } from "node:crypto";
import type { CartMode } from "@/generated/prisma/enums";
import type { Actor } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import { hashDeviceSecret, readMemberCookie } from "./guest-cookie";

/** A joined phone acting at its table: no user (audit rows carry a null actor and the member). */
export type GuestCtx = Actor & {
  userId: null;
  sessionId: string;
  memberId: string;
  nickname: string;
  tableId: string;
  mode: CartMode;
};

export const sessionRequired = () =>
  new AppError("GUEST_SESSION_REQUIRED", "Enter your table's PIN to order from this phone");
export const sessionEnded = () =>
  new AppError("SESSION_ENDED", "Ordering from this table has ended. Thank you for visiting!");

/**
 * The member behind a guest cookie: signed, its secret matching the stored hash, its session
 * live. A wrong or stale cookie is "no session"; a closed session says so (phones show "ended").
 */
export async function resolveGuest(
  cookie: string | undefined,
  meta: { requestId: string; ip?: string },
  opts: { touch?: boolean } = {},
): Promise<GuestCtx> {
  const parsed = readMemberCookie(cookie);
  if (!parsed) throw sessionRequired();
  const member = await db.guestMember.findUnique({
    where: { id: parsed.memberId },
    select: {
      id: true,
      nickname: true,
      deviceHash: true,
      lastSeenAt: true,
      session: {
        select: { id: true, locationId: true, tableId: true, cartMode: true, status: true, expiresAt: true },
      },
    },
  });
  if (!member) throw sessionRequired();
  // A phone whose name was resumed on another device holds a stale secret: it must enter the PIN again.
  const given = Buffer.from(hashDeviceSecret(parsed.secret));
  const stored = Buffer.from(member.deviceHash);
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) throw sessionRequired();
  const s = member.session;
  if (s.status !== "ACTIVE" || s.expiresAt <= new Date()) throw sessionEnded();
  if (opts.touch && Date.now() - member.lastSeenAt.getTime() > 60_000)
    await db.guestMember.update({ where: { id: member.id }, data: { lastSeenAt: new Date() } }).catch(() => undefined);
  return {
    userId: null,
    locationId: s.locationId,
    requestId: meta.requestId,
    ip: meta.ip,
    sessionId: s.id,
    memberId: member.id,
    nickname: member.nickname,
    tableId: s.tableId,
    mode: s.cartMode,
  };
}
