import { describe, expect, it } from "vitest";
import { rateLimitedError, rateLimitHeaders } from "./rate-limit-headers";

const policy = { name: "api", quota: 600, windowSeconds: 60 };

describe("rateLimitHeaders", () => {
  it("sends Retry-After and the IETF RateLimit-Policy / RateLimit fields", () => {
    const now = 1_000_000;
    expect(rateLimitHeaders(policy, { success: false, remaining: 0, reset: now + 41_200 }, now)).toEqual({
      "Retry-After": "42",
      "RateLimit-Policy": '"api";q=600;w=60',
      RateLimit: '"api";r=0;t=42',
    });
  });

  it("never tells a client to retry in 0 seconds or to expect negative quota", () => {
    const now = 1_000_000;
    const h = rateLimitHeaders(policy, { success: false, remaining: -3, reset: now - 5 }, now);
    expect(h["Retry-After"]).toBe("1");
    expect(h.RateLimit).toBe('"api";r=0;t=1');
  });

  it("keeps the policy name a valid structured-field string", () => {
    const h = rateLimitHeaders(
      { ...policy, name: 'lo"gin ip' },
      { success: false, remaining: 0, reset: Date.now() + 1000 },
    );
    expect(h["RateLimit-Policy"]).toMatch(/^"lo_gin_ip";q=600;w=60$/);
  });
});

describe("rateLimitedError", () => {
  it("is a 429 AppError carrying the headers and the wait", () => {
    const e = rateLimitedError(policy, { success: false, remaining: 0, reset: Date.now() + 9_500 }, "Slow down");
    expect(e.status).toBe(429);
    expect(e.headers?.["Retry-After"]).toBe("10");
    expect(e.details).toEqual({ retryAfterSeconds: 10 });
  });
});
