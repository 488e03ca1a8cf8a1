import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { FORWARDING_HEADERS, trustedProxyHops } from "./lib/http/client-ip";
import { corsHeaders, parseAllowedOrigins } from "./lib/http/cors";

// Next 16 calls this file proxy.ts; the design card keeps middleware.ts (docs/adr/0002).
// It only turns away the signed-out and sets headers; roles are checked on the server
// by the page/route/action wrappers.

const PROTECTED = ["/admin", "/floor", "/kitchen", "/driver"];
/** lib/guest/guest-cookie.ts DEVICE_COOKIE (not imported: middleware stays free of server modules). */
const GUEST_DEVICE_COOKIE = "kms_guest_device";

function realtimeOrigins(): string {
  const host = process.env.PUSHER_WS_HOST ?? process.env.PUSHER_HOST;
  if (!host) return "wss://*.pusher.com https://*.pusher.com";
  const port = process.env.PUSHER_WS_PORT ?? process.env.PUSHER_PORT;
  const hostPort = port ? `${host}:${port}` : host;
  return `ws://${hostPort} wss://${hostPort} http://${hostPort} https://${hostPort}`;
}

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // strict-dynamic lets Next's nonce'd bootstrap load its chunks; no 'unsafe-inline' for scripts.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React style attributes (charts, floor plan positions) need inline styles; scripts do not.
    "style-src 'self' 'unsafe-inline'",
    // Menu photos may live on a CDN; images cannot run code.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src 'self' ${realtimeOrigins()}`,
    "media-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
  ].join("; ");
}

function securityHeaders(res: NextResponse, csp: string | null, requestId: string, pathname = "") {
  if (csp) res.headers.set("Content-Security-Policy", csp);
  res.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains; preload");
  res.headers.set("X-Content-Type-Options", "nosniff");
  res.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  res.headers.set("X-Frame-Options", "DENY");
  res.headers.set("Cross-Origin-Opener-Policy", "same-origin");
  res.headers.set(
    "Permissions-Policy",
    // The driver app shares the phone's position while delivering (issue 16); nothing else may ask.
    `camera=(), microphone=(), geolocation=${isDriverApp(pathname) ? "(self)" : "()"}, payment=(), usb=(), interest-cohort=()`,
  );
  res.headers.set("x-request-id", requestId);
  res.headers.delete("X-Powered-By");
  return res;
}

export async function middleware(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
  const nonce = btoa(crypto.randomUUID());
  const isApi = pathname.startsWith("/api/");
  const csp = isApi ? null : contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  // Bearer-token clients (ADR 0037) reach /api/v1 without a session: route() authenticates them.
  // Browser apps on listed origins get CORS; a preflight is answered here and goes no further.
  const cors = pathname.startsWith("/api/v1/")
    ? corsHeaders(
        req.headers.get("origin"),
        req.method === "OPTIONS",
        parseAllowedOrigins(process.env.CORS_ALLOWED_ORIGINS),
      )
    : null;
  if (cors && req.method === "OPTIONS") {
    const preflight = new NextResponse(null, { status: 204, headers: cors });
    return securityHeaders(preflight, null, requestId);
  }

  if (PROTECTED.some((p) => pathname === p || pathname.startsWith(p + "/"))) {
    const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
    if (!token?.sub) {
      const login = new URL("/login", req.url);
      login.searchParams.set("callbackUrl", pathname + search);
      return securityHeaders(NextResponse.redirect(login), csp, requestId);
    }
  }

  const requestHeaders = new Headers(req.headers);
  // Without proxies of our own these headers are the client's word: drop them, and Next fills
  // X-Forwarded-For with the socket address (lib/http/client-ip.ts).
  if (trustedProxyHops() === 0) for (const name of FORWARDING_HEADERS) requestHeaders.delete(name);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("x-pathname", pathname + search);
  if (csp) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", csp);
  }
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  // A phone that opens a table's QR page gets a device id before its first PIN: wrong PINs are
  // counted per phone, not per restaurant wifi address (ADR 0034).
  if (pathname.startsWith("/t/") && !req.cookies.has(GUEST_DEVICE_COOKIE)) {
    res.cookies.set(GUEST_DEVICE_COOKIE, crypto.randomUUID().replaceAll("-", ""), {
      httpOnly: true,
      sameSite: "strict",
      secure: req.nextUrl.protocol === "https:",
      path: "/",
      maxAge: 60 * 60 * 24 * 30,
    });
  }
  if (cors) for (const [name, value] of Object.entries(cors)) res.headers.set(name, value);
  return securityHeaders(res, csp, requestId, pathname);
}

function isDriverApp(pathname: string): boolean {
  return pathname === "/driver" || pathname.startsWith("/driver/");
}

// Prefetch and RSC requests run through here too: every response carries the headers, and
// the forwarding headers are stripped for every request that reaches the app. Icons and the web
// app manifest are public static files fetched without a session (install prompts, home screens).
export const config = {
  matcher: [
    "/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|apple-icon\\.png|manifest\\.webmanifest|icons/|robots\\.txt).*)",
  ],
};
