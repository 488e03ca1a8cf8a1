import "server-only";
import { createDecipheriv, hkdfSync } from "node:crypto";
import type { JWT } from "next-auth/jwt";

// Reads next-auth's session cookie without next-auth's session endpoint. getServerSession derived
// the encryption key (HKDF) and re-encrypted a fresh cookie on every request — about 4 % of the
// app's CPU under tablet traffic (docs/adr/0048). The format is next-auth v4's: a compact JWE,
// alg "dir", enc "A256GCM", key = HKDF-SHA256(secret, salt "", "NextAuth.js Generated Encryption
// Key", 32 bytes); the token's exp is checked with next-auth's 15 s tolerance.

const CLOCK_TOLERANCE_S = 15;
const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    keys.clear(); // one secret at a time; a rotated secret replaces the old key
    keys.set(secret, key);
  }
  return key;
}

/** The session cookie's name, as next-auth picks it (Secure prefix when NEXTAUTH_URL is https). */
export function sessionCookieName(nextAuthUrl = process.env.NEXTAUTH_URL): string {
  const secure = nextAuthUrl?.startsWith("https://") ?? !!process.env.VERCEL;
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/** The cookie's value, joined from next-auth's chunks (`name.0`, `name.1`, …) when it was split. */
export function sessionCookieValue(
  cookies: { get(name: string): { value: string } | undefined },
  name = sessionCookieName(),
): string | null {
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  let joined = "";
  for (let i = 0; i < 10; i++) {
    const part = cookies.get(`${name}.${i}`)?.value;
    if (!part) break;
    joined += part;
  }
  return joined || null;
}

/**
 * The token's claims, or null when it is malformed, forged, encrypted with another secret or
 * expired. Never throws.
 */
export function decodeSessionToken(token: string, secret: string, nowMs = Date.now()): JWT | null {
  try {
    const parts = token.split(".");
    if (parts.length !== 5 || parts[1] !== "") return null;
    const [protectedHeader, , ivB64, cipherB64, tagB64] = parts;
    const header = JSON.parse(Buffer.from(protectedHeader, "base64url").toString("utf8")) as Record<string, unknown>;
    if (header.alg !== "dir" || header.enc !== "A256GCM" || header.zip !== undefined) return null;
    const iv = Buffer.from(ivB64, "base64url");
    const tag = Buffer.from(tagB64, "base64url");
    if (iv.length !== 12 || tag.length !== 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(protectedHeader, "ascii"));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(Buffer.from(cipherB64, "base64url")), decipher.final()]);
    const claims = JSON.parse(plain.toString("utf8")) as Record<string, unknown>;
    if (!claims || typeof claims !== "object" || Array.isArray(claims)) return null;
    const now = Math.floor(nowMs / 1000);
    if (typeof claims.exp === "number" && claims.exp < now - CLOCK_TOLERANCE_S) return null;
    if (typeof claims.nbf === "number" && claims.nbf > now + CLOCK_TOLERANCE_S) return null;
    return claims as JWT;
  } catch {
    return null;
  }
}
