import "server-only";
import { timingSafeEqual } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "../auth/context";
import { db } from "../db";
import { AppError } from "../errors";
import {
  CUSTOMER_SESSION_DAYS,
  customerCookieValue,
  hashCustomerSecret,
  newCustomerSecret,
  readCustomerCookie,
} from "./customer-cookie";

/** A verified customer acting on the ordering site: no staff user (audit rows carry a null actor). */
export type CustomerCtx = Actor & {
  userId: null;
  customerId: string;
  sessionId: string;
  firstName: string;
};

export const customerSessionRequired = () =>
  new AppError("CUSTOMER_SESSION_REQUIRED", "Verify your phone number to continue");

/** Opens a session for a customer who just proved their phone; answers the cookie to set. */
export async function startCustomerSession(
  tx: Prisma.TransactionClient | typeof db,
  customerId: string,
  now = new Date(),
): Promise<{ sessionId: string; cookie: string; expiresAt: Date }> {
  const secret = newCustomerSecret();
  const expiresAt = new Date(now.getTime() + CUSTOMER_SESSION_DAYS * 86_400_000);
  const row = await tx.customerSession.create({
    data: { customerId, secretHash: hashCustomerSecret(secret), expiresAt, createdAt: now, lastSeenAt: now },
    select: { id: true },
  });
  return { sessionId: row.id, cookie: customerCookieValue(row.id, secret), expiresAt };
}

/**
 * The customer behind a cookie: signed, its secret matching the stored hash, not revoked, not
 * expired, the customer not erased. Anything else is "no session" (never which part failed).
 */
export async function resolveCustomer(
  cookie: string | undefined,
  meta: { requestId: string; ip?: string },
  opts: { touch?: boolean } = {},
): Promise<CustomerCtx> {
  const parsed = readCustomerCookie(cookie);
  if (!parsed) throw customerSessionRequired();
  const s = await db.customerSession.findUnique({
    where: { id: parsed.sessionId },
    select: {
      id: true,
      secretHash: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      customer: { select: { id: true, locationId: true, firstName: true, erasedAt: true } },
    },
  });
  if (!s) throw customerSessionRequired();
  const given = Buffer.from(hashCustomerSecret(parsed.secret));
  const stored = Buffer.from(s.secretHash);
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) throw customerSessionRequired();
  const now = new Date();
  if (s.revokedAt || s.expiresAt <= now || s.customer.erasedAt) throw customerSessionRequired();
  if (opts.touch && now.getTime() - s.lastSeenAt.getTime() > 60_000)
    await db.customerSession.update({ where: { id: s.id }, data: { lastSeenAt: now } }).catch(() => undefined);
  return {
    userId: null,
    locationId: s.customer.locationId,
    requestId: meta.requestId,
    ip: meta.ip,
    customerId: s.customer.id,
    sessionId: s.id,
    firstName: s.customer.firstName,
  };
}

/** Signs one browser out (the cookie is cleared by the caller). */
export async function endCustomerSession(sessionId: string): Promise<void> {
  await db.customerSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
