import { describe, expect, it } from "vitest";
import { ACCESS_TOKEN_SECONDS, signAccessToken, verifyAccessToken } from "./access-token";

// The environment must parse; no database is used.
process.env.DATABASE_URL ??= "postgresql://nobody@127.0.0.1:1/unused";

const who = { userId: "u1", locationId: "l1", role: "SERVER" as const, sessionId: "s1", sessionVersion: 0 };

describe("access tokens", () => {
  it("round-trips claims and expires after 15 minutes at most", () => {
    const now = Date.now();
    const { token, claims } = signAccessToken(who, ["orders:write"], now);
    expect(ACCESS_TOKEN_SECONDS).toBeLessThanOrEqual(900);
    expect(verifyAccessToken(token, now)).toEqual(claims);
    expect(claims).toMatchObject({ sub: "u1", loc: "l1", role: "SERVER", scope: "orders:write", sid: "s1" });
    expect(claims.jti).toMatch(/[0-9a-f-]{36}/);
    expect(verifyAccessToken(token, now + ACCESS_TOKEN_SECONDS * 1000)).toBeNull();
  });

  it("refuses a changed payload, a changed signature and another algorithm", () => {
    const { token } = signAccessToken(who, ["orders:read"]);
    const [h, p, s] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url").toString()), role: "ADMIN" }),
    ).toString("base64url");
    expect(verifyAccessToken(`${h}.${forged}.${s}`)).toBeNull();
    expect(verifyAccessToken(`${h}.${p}.${s.slice(0, -2)}AA`)).toBeNull();
    const none = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    expect(verifyAccessToken(`${none}.${p}.`)).toBeNull();
    expect(verifyAccessToken("not-a-token")).toBeNull();
  });
});
