import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { AppError } from "../errors";
import { currentCtx } from "../auth/session";
import type { Ctx } from "../auth/context";
import { assertCan, type Permission } from "../auth/permissions";
import { assertStorableInput, fieldErrorsOf } from "../validation";
import { dataErrorAsAppError } from "../db-errors";
import { log } from "../log";
import { env } from "../env";
import { limiter } from "../ops/rate-limit";
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from "./db-unavailable";
import { rateLimitedError } from "./rate-limit-headers";
import { crossSiteReason, isJsonContentType, ownHosts } from "./same-origin";
import { instrumented } from "../observability/instrumented";
import { inSpan } from "../observability/tracing";
import { bearerTokenOf, ctxFromBearer } from "../auth/bearer";
import { scopeFor, scopesAllow } from "../auth/scopes";
import { clientIp } from "./client-ip";

type Schemas<P, B, Q> = { params?: z.ZodType<P>; body?: z.ZodType<B>; query?: z.ZodType<Q> };

export type RouteArgs<P, B, Q> = { ctx: Ctx; params: P; body: B; query: Q; req: NextRequest };

// Authenticated answers are per user: no browser, proxy or CDN may keep a copy.
const NO_STORE = "no-store";

export function errorResponse(error: unknown, requestId: string): NextResponse {
  const headers: Record<string, string> = { "x-request-id": requestId, "cache-control": NO_STORE };
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors, ...error.details } },
      { status: error.status, headers: { ...headers, ...error.headers } },
    );
  }
  if (error instanceof Error && error.message === "aborted") {
    // The client went away mid-request (tab closed, tablet asleep): nothing to fix on our side.
    log.info("request aborted by client", { requestId });
    return NextResponse.json({ error: { code: "ABORTED", message: "Request aborted" } }, { status: 499, headers });
  }
  if (isDatabaseUnavailable(error)) {
    // An outage, not a bug: nothing was saved (the transaction did not commit); retrying is safe.
    log.warn("database unavailable", { requestId, error });
    return NextResponse.json(
      {
        error: {
          code: "UNAVAILABLE",
          message: "The service is briefly unavailable. Try again in a few seconds.",
          retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
        },
      },
      { status: 503, headers: { ...headers, "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
    );
  }
  const dataError = dataErrorAsAppError(error);
  if (dataError) {
    log.warn("input refused by the database", { requestId, error });
    return errorResponse(dataError, requestId);
  }
  log.error("unhandled route error", { requestId, error });
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong. Reference: " + requestId } },
    { status: 500, headers },
  );
}

/** Refuses unsafe requests sent by another site's page with our cookie (CSRF). */
export function assertSameOrigin(req: NextRequest): void {
  const e = env();
  const reason = crossSiteReason(req.method, req.headers, ownHosts(req.headers, e.TRUST_PROXY > 0, e.NEXTAUTH_URL));
  if (reason) {
    log.warn("cross-site request refused", { path: req.nextUrl.pathname, reason });
    throw new AppError("CROSS_SITE_REQUEST", "Cross-site request refused");
  }
}

/**
 * Who is asking: a bearer token (access token or personal token; no CSRF check, no cookie is
 * read) or else the session cookie (same-origin check first). A token must also hold the scope
 * the route's permission and method need (lib/auth/scopes.ts).
 */
async function requestCtx(req: NextRequest, requestId: string, permission: Permission): Promise<Ctx> {
  const bearer = bearerTokenOf(req.headers);
  if (bearer === null) {
    assertSameOrigin(req);
    const ctx = await currentCtx();
    if (!ctx) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
    return ctx;
  }
  const ctx = await ctxFromBearer(bearer, { requestId, ip: clientIp(req.headers) });
  if (!scopesAllow(ctx.scopes ?? [], permission, req.method)) {
    const needed = scopeFor(permission, req.method);
    const message =
      needed === "none" ? "API tokens cannot do this; use the console" : `This token lacks the scope ${needed}`;
    throw new AppError("FORBIDDEN", message, undefined, needed === "none" ? undefined : { scope: needed }, {
      "www-authenticate": `Bearer error="insufficient_scope"${needed === "none" ? "" : ` scope="${needed}"`}`,
    });
  }
  return ctx;
}

/**
 * The one way to write an authenticated API route: same-origin check (cookies) or bearer token
 * (with its scope) → session → role → rate limit → zod on params, query and body → use case → JSON (never cached). Errors become
 * `{ error: { code, message } }`.
 */
export function route<P = Record<string, never>, B = undefined, Q = Record<string, never>>(
  options: { permission: Permission } & Schemas<P, B, Q>,
  handler: (args: RouteArgs<P, B, Q>) => Promise<unknown>,
  successStatus = 200,
) {
  const handle = async (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => {
    const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
    try {
      const ctx = await requestCtx(req, requestId, options.permission);
      assertCan(ctx, options.permission);
      const api = limiter("api");
      const verdict = await api.limit(ctx.userId);
      if (!verdict.success) throw rateLimitedError(api.policy, verdict, "Too many requests; slow down");
      const rawParams = segment?.params ? await segment.params : {};
      const params = parsePart(options.params, rawParams, "params") as P;
      const rawQuery = Object.fromEntries(req.nextUrl.searchParams);
      assertStorableInput(rawQuery);
      const query = parsePart(options.query, rawQuery, "query") as Q;
      let body = undefined as B;
      if (options.body) {
        const text = await req.text();
        if (text.length > 256_000) throw new AppError("PAYLOAD_TOO_LARGE", "Request body too large");
        if (text && !isJsonContentType(req.headers.get("content-type"))) {
          throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
        }
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : {};
        } catch {
          throw new AppError("VALIDATION", "Body must be valid JSON");
        }
        assertStorableInput(json);
        body = parsePart(options.body, json, "body") as B;
      }
      const result = await inSpan(
        "route.handler",
        { "request.id": requestId, "enduser.role": ctx.role, "kitchen.location_id": ctx.locationId },
        () => handler({ ctx: { ...ctx, requestId }, params, body, query, req }),
      );
      if (result instanceof Response) {
        if (!result.headers.has("cache-control")) result.headers.set("cache-control", NO_STORE);
        return result;
      }
      return NextResponse.json(result ?? { ok: true }, {
        status: successStatus,
        headers: { "x-request-id": requestId, "cache-control": NO_STORE },
      });
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
  // The schemas travel with the handler: the route fuzz test generates its inputs from them and
  // the OpenAPI document (lib/openapi/build-document.ts) describes the route with them.
  return Object.assign(instrumented(handle), { schemas: options, successStatus });
}

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, part: string): T | unknown {
  if (!schema) return value;
  const r = schema.safeParse(value);
  if (!r.success) {
    const message = part === "params" ? "Not found" : "Some fields are invalid";
    if (part === "params") throw new AppError("NOT_FOUND", message);
    throw new AppError("VALIDATION", message, fieldErrorsOf(r.error));
  }
  return r.data;
}
