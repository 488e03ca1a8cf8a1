import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { AppError } from "../errors";
import { currentCtx } from "../auth/session";
import type { Ctx } from "../auth/context";
import type { Role } from "../auth/roles";
import { fieldErrorsOf } from "../validation";
import { log } from "../log";
import { limiter } from "../ops/rate-limit";

type Schemas<P, B, Q> = { params?: z.ZodType<P>; body?: z.ZodType<B>; query?: z.ZodType<Q> };

export type RouteArgs<P, B, Q> = { ctx: Ctx; params: P; body: B; query: Q; req: NextRequest };

export function errorResponse(error: unknown, requestId: string): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, fieldErrors: error.fieldErrors, ...error.details } },
      { status: error.status, headers: { "x-request-id": requestId } },
    );
  }
  if (error instanceof Error && error.message === "aborted") {
    // The client went away mid-request (tab closed, tablet asleep): nothing to fix on our side.
    log.info("request aborted by client", { requestId });
    return NextResponse.json({ error: { code: "ABORTED", message: "Request aborted" } }, { status: 499 });
  }
  log.error("unhandled route error", { requestId, error });
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong. Reference: " + requestId } },
    { status: 500, headers: { "x-request-id": requestId } },
  );
}

/**
 * The one way to write an authenticated API route: session → role → rate limit → zod on
 * params, query and body → use case → JSON. Errors become `{ error: { code, message } }`.
 */
export function route<P = Record<string, never>, B = undefined, Q = Record<string, never>>(
  options: { roles: readonly Role[] } & Schemas<P, B, Q>,
  handler: (args: RouteArgs<P, B, Q>) => Promise<unknown>,
  successStatus = 200,
) {
  const handle = async (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => {
    const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
    try {
      const ctx = await currentCtx();
      if (!ctx) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
      if (!options.roles.includes(ctx.role)) throw new AppError("FORBIDDEN", "Your role cannot do this");
      if (!(await limiter("api").limit(ctx.userId)).success) {
        throw new AppError("RATE_LIMITED", "Too many requests; slow down");
      }
      const rawParams = segment?.params ? await segment.params : {};
      const params = parsePart(options.params, rawParams, "params") as P;
      const query = parsePart(options.query, Object.fromEntries(req.nextUrl.searchParams), "query") as Q;
      let body = undefined as B;
      if (options.body) {
        const text = await req.text();
        if (text.length > 256_000) throw new AppError("PAYLOAD_TOO_LARGE", "Request body too large");
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : {};
        } catch {
          throw new AppError("VALIDATION", "Body must be valid JSON");
        }
        body = parsePart(options.body, json, "body") as B;
      }
      const result = await handler({ ctx: { ...ctx, requestId }, params, body, query, req });
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true }, { status: successStatus, headers: { "x-request-id": requestId } });
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
  // The schemas travel with the handler: the route fuzz test generates its inputs from them.
  return Object.assign(handle, { schemas: options });
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
