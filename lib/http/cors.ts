// CORS for /api/v1 (ADR 0037): browser apps on the origins listed in CORS_ALLOWED_ORIGINS may
// call the API with a bearer token. Never with cookies: no Allow-Credentials, so a cross-origin
// page cannot ride a signed-in user's session. Edge-safe (middleware imports it): no server-only.

const ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
const ALLOWED_HEADERS = "authorization, content-type, idempotency-key, x-request-id";
const EXPOSED_HEADERS = "x-request-id, retry-after, idempotent-replayed, ratelimit, ratelimit-policy, www-authenticate";

/** CORS_ALLOWED_ORIGINS → normalised origins (scheme://host[:port], no trailing slash). */
export function parseAllowedOrigins(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        return null;
      }
    })
    .filter((o): o is string => o !== null && o !== "null");
}

/**
 * The CORS headers for a request from `origin`: none unless it is listed. A preflight also gets the
 * methods and headers it may use. `Vary: Origin` always, so a cache never serves one origin's answer to another.
 */
export function corsHeaders(
  origin: string | null,
  preflight: boolean,
  allowed: readonly string[],
): Record<string, string> {
  const headers: Record<string, string> = { Vary: "Origin" };
  if (!origin || !allowed.includes(origin)) return headers;
  headers["Access-Control-Allow-Origin"] = origin;
  if (preflight) {
    headers["Access-Control-Allow-Methods"] = ALLOWED_METHODS;
    headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS;
    headers["Access-Control-Max-Age"] = "600";
  } else {
    headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS;
  }
  return headers;
}
