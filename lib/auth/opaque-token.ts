import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** Refresh tokens and personal tokens: a readable prefix (secret scanners, support) + 256 random bits. */
export const REFRESH_PREFIX = "sbr_";
export const PERSONAL_PREFIX = "sbp_";

export function newOpaqueToken(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** Only this is stored: a database leak gives nobody a usable token. */
export function hashOpaqueToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
