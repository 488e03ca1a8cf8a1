// Per-IP sign-in throttle: keyed by the address Next took from the socket (never a header the
// client wrote), separate per address, answered with 429 + Retry-After + RateLimit fields.
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { throttleSignIn } from "@/lib/auth/sign-in-throttle";
import { SIGN_IN_THROTTLED } from "@/lib/auth/authenticate-staff";
import { resetDb, testDb } from "./helpers";

const LIMIT = 60; // per 5 minutes (lib/ops/rate-limit.ts)

/** A credentials POST as the route receives it: X-Forwarded-For is what Next set from the socket. */
function signInRequest(socketIp: string, extra: Record<string, string> = {}) {
  return new Request("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": socketIp, ...extra },
    body: new URLSearchParams({ email: "Victim@Demo.Kitchen", password: "guess", csrfToken: "x", json: "true" }),
  });
}

const freshV4 = () => `10.${randomBytes(3).join(".")}`;
const freshV6Prefix = () => `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;

describe("throttleSignIn", () => {
  beforeEach(() => resetDb());

  it(`lets ${LIMIT} attempts from one address through, then answers 429 with Retry-After and RateLimit fields`, async () => {
    const ip = freshV4();
    for (let i = 0; i < LIMIT; i++) expect(await throttleSignIn(signInRequest(ip)), `attempt ${i + 1}`).toBeNull();
    const refused = await throttleSignIn(signInRequest(ip));
    expect(refused?.status).toBe(429);
    const retryAfter = Number(refused!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(refused!.headers.get("ratelimit-policy")).toBe('"login-ip";q=60;w=300');
    expect(refused!.headers.get("ratelimit")).toBe(`"login-ip";r=0;t=${retryAfter}`);
    expect(refused!.headers.get("cache-control")).toBe("no-store");
    // Shaped like next-auth's answer, so signIn() on the login page shows the message.
    const body = await refused!.json();
    expect(new URL(body.url).searchParams.get("error")).toBe(SIGN_IN_THROTTLED);
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { action: "auth.sign_in.throttled" } });
    expect(audit).toMatchObject({ ip, details: { email: "victim@demo.kitchen" } });
  });

  it("one address at its limit does not lock out another", async () => {
    const attacker = freshV4();
    for (let i = 0; i <= LIMIT; i++) await throttleSignIn(signInRequest(attacker));
    expect((await throttleSignIn(signInRequest(attacker)))?.status).toBe(429);
    expect(await throttleSignIn(signInRequest(freshV4()))).toBeNull();
  });

  it("ignores X-Real-IP and headers the client added: a new spoofed value does not reset the count", async () => {
    const ip = freshV4();
    for (let i = 0; i < LIMIT; i++) await throttleSignIn(signInRequest(ip, { "x-real-ip": `203.0.113.${i}` }));
    const refused = await throttleSignIn(signInRequest(ip, { "x-real-ip": "203.0.113.250" }));
    expect(refused?.status).toBe(429);
    expect((await testDb().auditLog.findFirstOrThrow({ where: { action: "auth.sign_in.throttled" } })).ip).toBe(ip);
  });

  it("counts a whole IPv6 /64 as one address", async () => {
    const prefix = freshV6Prefix();
    for (let i = 0; i < LIMIT; i++)
      expect(await throttleSignIn(signInRequest(`${prefix}::${(i + 1).toString(16)}`))).toBeNull();
    expect((await throttleSignIn(signInRequest(`${prefix}:ffff::1`)))?.status).toBe(429);
  });
});
