import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/** A verified customer's cookie: `<sessionId>.<secret>.<mac>`. HttpOnly, SameSite=Lax, path /. */
export const CUSTOMER_COOKIE = "kms_customer";
/** How long a verified phone stays signed in on a browser without ordering again. */
export const CUSTOMER_SESSION_DAYS = 30;

const mac = (value: string) =>
  createHmac("sha256", env().NEXTAUTH_SECRET).update(`customer-session:${value}`).digest("base64url");

export function newCustomerSecret(): string {
  return randomBytes(24).toString("base64url");
}

/** What is stored of a session's secret: its hash, never the secret. */
export function hashCustomerSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function customerCookieValue(sessionId: string, secret: string): string {
  const value = `${sessionId}.${secret}`;
  return `${value}.${mac(value)}`;
}

/** The session id and secret of a well-formed, correctly signed cookie; null otherwise. */
export function readCustomerCookie(raw: string | undefined | null): { sessionId: string; secret: string } | null {
  if (!raw || raw.length > 200) return null;
  const parts = raw.split(".");
  if (parts.length !== 3) return null;
  const [sessionId, secret, given] = parts;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(sessionId) || !/^[A-Za-z0-9_-]{16,64}$/.test(secret)) return null;
  const expected = Buffer.from(mac(`${sessionId}.${secret}`));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { sessionId, secret };
}

/** Cookie options for the customer session (Secure whenever the request came over https). */
export function customerCookieOptions(expires: Date, https: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, secure: https, path: "/", expires };
}
