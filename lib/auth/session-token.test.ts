import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, sessionCookieName, sessionCookieValue } from "./session-token";

const SECRET = "test-secret-not-for-production-0123456789abcdef";
const claims = { sub: "u1", role: "SERVER" as const, locationId: "loc1", sv: 0, sid: "s1", authAt: 1 };

describe("decodeSessionToken", () => {
  it("reads what next-auth's encode wrote", async () => {
    const token = await encode({ token: claims, secret: SECRET, maxAge: 3600 });
    const decoded = decodeSessionToken(token, SECRET);
    expect(decoded).toMatchObject(claims);
    expect(typeof decoded?.exp).toBe("number");
  });

  it("refuses another secret, a tampered token and garbage", async () => {
    const token = await encode({ token: claims, secret: SECRET, maxAge: 3600 });
    expect(decodeSessionToken(token, SECRET + "x")).toBeNull();
    const parts = token.split(".");
    const cipher = Buffer.from(parts[3], "base64url");
    cipher[0] ^= 1;
    parts[3] = cipher.toString("base64url");
    expect(decodeSessionToken(parts.join("."), SECRET)).toBeNull();
    expect(decodeSessionToken("not.a.token", SECRET)).toBeNull();
    expect(decodeSessionToken("", SECRET)).toBeNull();
    // A header that asks for another algorithm is refused before any decryption.
    const other = token.split(".");
    other[0] = Buffer.from(JSON.stringify({ alg: "none", enc: "A256GCM" })).toString("base64url");
    expect(decodeSessionToken(other.join("."), SECRET)).toBeNull();
  });

  it("refuses an expired token, allowing next-auth's 15 s of clock skew", async () => {
    const token = await encode({ token: claims, secret: SECRET, maxAge: 60 });
    const exp = decodeSessionToken(token, SECRET)!.exp as number;
    expect(decodeSessionToken(token, SECRET, (exp + 10) * 1000)).not.toBeNull();
    expect(decodeSessionToken(token, SECRET, (exp + 20) * 1000)).toBeNull();
  });
});

describe("session cookie", () => {
  it("is named as next-auth names it", () => {
    expect(sessionCookieName("https://pos.example.com")).toBe("__Secure-next-auth.session-token");
    expect(sessionCookieName("http://localhost:3000")).toBe("next-auth.session-token");
  });
  it("joins next-auth's chunks", () => {
    const jar = new Map([
      ["next-auth.session-token.0", "abc"],
      ["next-auth.session-token.1", "def"],
    ]);
    const cookies = { get: (n: string) => (jar.has(n) ? { value: jar.get(n)! } : undefined) };
    expect(sessionCookieValue(cookies, "next-auth.session-token")).toBe("abcdef");
    expect(sessionCookieValue({ get: () => undefined }, "next-auth.session-token")).toBeNull();
  });
});
