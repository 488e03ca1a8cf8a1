import "server-only";
import { db, type Tx } from "../db";
import { metrics } from "../observability/metrics";
import { ACCESS_TOKEN_SECONDS, signAccessToken } from "./access-token";
import { hashOpaqueToken, newOpaqueToken, REFRESH_PREFIX } from "./opaque-token";
import type { Role } from "./roles";

export type TokenResponse = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
};

export type TokenHolder = {
  userId: string;
  locationId: string;
  role: Role;
  sessionId: string;
  sessionVersion: number;
  /** The family's end: the session's own expiry (no refresh outlives its session). */
  expiresAt: Date;
};

/** A new access token and a new refresh token in the family (the session). */
export async function issueTokenPair(
  who: TokenHolder,
  scopes: readonly string[],
  device: string | null,
  tx: Tx = db,
): Promise<TokenResponse> {
  const refresh = newOpaqueToken(REFRESH_PREFIX);
  await tx.refreshToken.create({
    data: {
      sessionId: who.sessionId,
      userId: who.userId,
      locationId: who.locationId,
      tokenHash: hashOpaqueToken(refresh),
      scopes: [...scopes],
      device,
      expiresAt: who.expiresAt,
    },
  });
  const { token } = signAccessToken(who, scopes);
  metrics().jwtIssued.inc({ kind: "access" });
  return {
    access_token: token,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_SECONDS,
    refresh_token: refresh,
    scope: scopes.join(" "),
  };
}
