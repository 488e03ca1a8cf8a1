import "server-only";
import { NextResponse } from "next/server";
import { recordAudit } from "../audit/record-audit";
import { env } from "../env";
import { clientIp, rateLimitKeyForIp } from "../http/client-ip";
import { rateLimitHeaders } from "../http/rate-limit-headers";
import { limiter } from "../ops/rate-limit";
import { SIGN_IN_THROTTLED } from "./authenticate-staff";

/**
 * Per-IP throttle on credential sign-ins, before next-auth runs, so the refusal is a real 429
 * with Retry-After. Keyed by the socket address (or what our own proxies saw; never a header the
 * client wrote) and kept apart from the per-account lockout: one address cannot lock out others.
 * The body is shaped like next-auth's JSON answer so `signIn()` shows the message.
 */
export async function throttleSignIn(req: Request): Promise<Response | null> {
  const ip = clientIp(req.headers);
  const login = limiter("login-ip");
  const verdict = await login.limit(rateLimitKeyForIp(ip));
  if (verdict.success) return null;
  const form = await req.formData().catch(() => null);
  const email = String(form?.get("email") ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 254);
  await recordAudit({
    action: "auth.sign_in.throttled",
    details: { email },
    ip,
    requestId: req.headers.get("x-request-id"),
  });
  const url = new URL("/login", env().NEXTAUTH_URL ?? req.url);
  url.searchParams.set("error", SIGN_IN_THROTTLED);
  return NextResponse.json(
    { url: url.toString(), error: { code: "RATE_LIMITED", message: SIGN_IN_THROTTLED } },
    { status: 429, headers: { ...rateLimitHeaders(login.policy, verdict), "cache-control": "no-store" } },
  );
}
