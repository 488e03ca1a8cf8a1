import "server-only";
import { createHmac, hkdfSync, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "../env";
import type { Role } from "./roles";

/** Access tokens live 15 minutes: a leaked one is short-lived, and refreshing is cheap. */
export const ACCESS_TOKEN_SECONDS = 900;
const ISSUER = "servicebell";

/**
 * HS256 key: API_TOKEN_SECRET when set, else derived from NEXTAUTH_SECRET with HKDF under its own
 * label, so an access token is never a valid session cookie key (or the reverse).
 */
function signingKey(): Buffer {
  const e = env();
  if (e.API_TOKEN_SECRET) return Buffer.from(e.API_TOKEN_SECRET, "utf8");
  return Buffer.from(hkdfSync("sha256", e.NEXTAUTH_SECRET, "", "servicebell api access token v1", 32));
}

export const accessClaimsSchema = z.object({
  iss: z.literal(ISSUER),
  sub: z.string().min(1),
  loc: z.string().min(1),
  role: z.string(),
  scope: z.string(),
  /** The UserSession (the refresh family): revoking it ends its access tokens too. */
  sid: z.string().min(1),
  sv: z.number().int(),
  jti: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
const HEADER = b64({ alg: "HS256", typ: "JWT" });

function mac(data: string): Buffer {
  return createHmac("sha256", signingKey()).update(data).digest();
}

export function signAccessToken(
  who: { userId: string; locationId: string; role: Role; sessionId: string; sessionVersion: number },
  scopes: readonly string[],
  now = Date.now(),
): { token: string; claims: AccessClaims } {
  const iat = Math.floor(now / 1000);
  const claims: AccessClaims = {
    iss: ISSUER,
    sub: who.userId,
    loc: who.locationId,
    role: who.role,
    scope: scopes.join(" "),
    sid: who.sessionId,
    sv: who.sessionVersion,
    jti: randomUUID(),
    iat,
    exp: iat + ACCESS_TOKEN_SECONDS,
  };
  const body = `${HEADER}.${b64(claims)}`;
  return { token: `${body}.${mac(body).toString("base64url")}`, claims };
}

/** The claims of a well-signed, unexpired access token; null for anything else. */
export function verifyAccessToken(token: string, now = Date.now()): AccessClaims | null {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== HEADER) return null;
  const given = Buffer.from(parts[2], "base64url");
  const expected = mac(`${parts[0]}.${parts[1]}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const claims = accessClaimsSchema.safeParse(json);
  if (!claims.success || claims.data.exp * 1000 <= now) return null;
  return claims.data;
}

/** Access tokens look like JWTs; personal tokens and refresh tokens carry a readable prefix. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
}
