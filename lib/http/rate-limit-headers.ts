import { AppError } from "../errors";
import type { LimitPolicy, LimitResult } from "../ops/rate-limit";

/**
 * `Retry-After` plus the IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers):
 * `RateLimit-Policy: "api";q=600;w=60` and `RateLimit: "api";r=0;t=42`.
 */
export function rateLimitHeaders(policy: LimitPolicy, result: LimitResult, now = Date.now()): Record<string, string> {
  const seconds = Math.max(1, Math.ceil((result.reset - now) / 1000));
  const name = policy.name.replace(/[^\w.:-]/g, "_");
  return {
    "Retry-After": String(seconds),
    "RateLimit-Policy": `"${name}";q=${policy.quota};w=${policy.windowSeconds}`,
    RateLimit: `"${name}";r=${Math.max(0, result.remaining)};t=${seconds}`,
  };
}

export function rateLimitedError(policy: LimitPolicy, result: LimitResult, message: string): AppError {
  const headers = rateLimitHeaders(policy, result);
  return new AppError(
    "RATE_LIMITED",
    message,
    undefined,
    { retryAfterSeconds: Number(headers["Retry-After"]) },
    headers,
  );
}
