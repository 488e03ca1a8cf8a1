import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "../env";

/** The joined phone's cookie: `<memberId>.<secret>.<mac>` (ADR 0034). HttpOnly, SameSite=Strict. */
export const MEMBER_COOKIE = "kms_guest";
/** A pre-join device id: the key for "5 wrong PINs block this phone for 15 minutes". */
export const DEVICE_COOKIE = "kms_guest_device";

const mac = (value: string) =>
  createHmac("sha256", env().NEXTAUTH_SECRET).update(`guest-member:${value}`).digest("base64url");

export function newDeviceSecret(): string {
  return randomBytes(24).toString("base64url");
}

/** What is stored of a member's device secret: its hash, never the secret. */
export function hashDeviceSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function memberCookieValue(memberId: string, secret: string): string {
  const value = `${memberId}.${secret}`;
  return `${value}.${mac(value)}`;
}

/** The member id and secret of a well-formed, correctly signed cookie; null otherwise. */
export function readMemberCookie(raw: string | undefined | null): { memberId: string; secret: string } | null {
  if (!raw || raw.length > 200) return null;
  const parts = raw.split(".");
  if (parts.length !== 3) return null;
  const [memberId, secret, given] = parts;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(memberId) || !/^[A-Za-z0-9_-]{16,64}$/.test(secret)) return null;
  const expected = Buffer.from(mac(`${memberId}.${secret}`));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return { memberId, secret };
}

export function isDeviceId(value: string | undefined | null): value is string {
  return !!value && /^[A-Za-z0-9_-]{16,64}$/.test(value);
}
