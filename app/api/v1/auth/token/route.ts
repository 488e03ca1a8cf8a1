import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { clientIp, rateLimitKeyForIp } from "@/lib/http/client-ip";
import { isDatabaseUnavailable } from "@/lib/http/db-unavailable";
import { rateLimitHeaders } from "@/lib/http/rate-limit-headers";
import { limiter } from "@/lib/ops/rate-limit";
import { findUnstorableText, fieldErrorsOf } from "@/lib/validation";
import { instrumented } from "@/lib/observability/instrumented";
import { metrics } from "@/lib/observability/metrics";
import { OAuthError } from "@/lib/auth/oauth-error";
import { grantPasswordToken, passwordGrantSchema } from "@/lib/auth/grant-password-token";
import { refreshAccessToken, refreshGrantSchema } from "@/lib/auth/refresh-access-token";
import { SIGN_IN_THROTTLED } from "@/lib/auth/authenticate-staff";

const tokenRequestSchema = z.discriminatedUnion("grant_type", [passwordGrantSchema, refreshGrantSchema]);

/** JSON or an HTML-form body (OAuth clients send `application/x-www-form-urlencoded`). */
async function readBody(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (text.length > 8_000) throw new OAuthError("invalid_request", "Request body too large", 413);
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  if (type.startsWith("application/json") || type === "") {
    try {
      return text ? JSON.parse(text) : {};
    } catch {
      throw new OAuthError("invalid_request", "Body must be JSON or a form");
    }
  }
  throw new OAuthError("invalid_request", "Send the body as application/x-www-form-urlencoded or JSON", 415);
}

function oauthResponse(status: number, body: object, requestId: string, headers: Record<string, string> = {}) {
  // RFC 6749 §5.1: token answers are never cached.
  return NextResponse.json(body, {
    status,
    headers: { "x-request-id": requestId, "cache-control": "no-store", pragma: "no-cache", ...headers },
  });
}

/**
 * POST /api/v1/auth/token — OAuth2-style token endpoint (ADR 0037, README "API tokens").
 * grant_type=password (email, password, scope?, device?) or grant_type=refresh_token
 * (refresh_token, scope?) → { access_token, token_type, expires_in, refresh_token, scope }.
 * Not through route(): the caller has no session yet. No cookie is read, so there is no CSRF check.
 */
async function handle(req: NextRequest): Promise<NextResponse> {
  const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
  const ip = clientIp(req.headers);
  try {
    const raw = await readBody(req);
    const grant = raw && typeof raw === "object" ? (raw as Record<string, unknown>).grant_type : undefined;
    if (grant !== "password" && grant !== "refresh_token")
      throw new OAuthError(
        grant === undefined ? "invalid_request" : "unsupported_grant_type",
        "grant_type must be password or refresh_token",
      );
    const badText = findUnstorableText(raw);
    if (badText)
      throw new OAuthError("invalid_request", "Some fields are invalid", 400, { [badText]: ["Invalid characters"] });
    const parsed = tokenRequestSchema.safeParse(raw);
    if (!parsed.success)
      throw new OAuthError("invalid_request", "Some fields are invalid", 400, fieldErrorsOf(parsed.error));
    const input = parsed.data;
    if (input.grant_type === "refresh_token")
      return oauthResponse(200, await refreshAccessToken(input, { ip, requestId }), requestId);

    // The sign-in page's per-address throttle, shared with it: one budget per address.
    const login = limiter("login-ip");
    const verdict = await login.limit(rateLimitKeyForIp(ip));
    if (!verdict.success) {
      metrics().authAttempts.inc({ kind: "password", outcome: "rate_limited" });
      throw new OAuthError("slow_down", SIGN_IN_THROTTLED, 429, undefined, rateLimitHeaders(login.policy, verdict));
    }
    const tokens = await grantPasswordToken(input, { ip, requestId, userAgent: req.headers.get("user-agent") });
    return oauthResponse(200, tokens, requestId);
  } catch (error) {
    if (error instanceof OAuthError)
      return oauthResponse(
        error.status,
        {
          error: error.code,
          error_description: error.message,
          ...(error.fieldErrors ? { field_errors: error.fieldErrors } : {}),
        },
        requestId,
        error.headers,
      );
    if (error instanceof AppError)
      return oauthResponse(
        error.status >= 500 ? 503 : 400,
        { error: "invalid_request", error_description: error.message },
        requestId,
      );
    if (isDatabaseUnavailable(error)) {
      log.warn("token endpoint: database unavailable", { requestId, error });
      return oauthResponse(
        503,
        { error: "temporarily_unavailable", error_description: "Try again in a few seconds" },
        requestId,
        { "retry-after": "5" },
      );
    }
    log.error("token endpoint failed", { requestId, error });
    return oauthResponse(500, { error: "server_error", error_description: "Reference: " + requestId }, requestId);
  }
}

// The schema travels with the handler: the route fuzz test generates its inputs from it.
export const POST = Object.assign(instrumented(handle), { schemas: { body: tokenRequestSchema } });
