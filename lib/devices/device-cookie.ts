import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { env } from "../env";

/** An enrolled device keeps its token for a year (Chrome caps cookies at 400 days); revoking ends it sooner. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

/** Same rule as next-auth's cookies: Secure (and the __Host- prefix) whenever the app is served over HTTPS. */
function secure(): boolean {
  return env().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

export function deviceCookieName(): string {
  return secure() ? "__Host-servicebell.device" : "servicebell.device";
}

/** HttpOnly (no script reads it), SameSite=Lax, path / (the __Host- prefix requires it), long-lived. */
export function deviceCookieOptions() {
  return {
    httpOnly: true,
    secure: secure(),
    sameSite: "lax" as const,
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  };
}

/** 256 random bits, base64url: the cookie's value. Only its hash is stored. */
export function newDeviceToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashDeviceToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The device token in a raw Cookie header (next-auth's authorize gets headers, not parsed cookies). */
export function deviceTokenFromCookieHeader(header: string | null | undefined): string | null {
  const name = deviceCookieName();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** A cookie value worth looking up: the shape newDeviceToken makes, nothing longer. */
export function plausibleDeviceToken(value: string | undefined | null): value is string {
  return !!value && /^[A-Za-z0-9_-]{43}$/.test(value);
}
