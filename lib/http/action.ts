import "server-only";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { AppError, type FieldErrors } from "../errors";
import { currentCtx } from "../auth/session";
import type { Ctx } from "../auth/context";
import { assertCan, type Permission } from "../auth/permissions";
import { assertStorableInput, fieldErrorsOf } from "../validation";
import { dataErrorAsAppError } from "../db-errors";
import { log } from "../log";
import { inSpan } from "../observability/tracing";
import { clientIp } from "./client-ip";
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from "./db-unavailable";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      code: string;
      fieldErrors?: FieldErrors;
      retryAfterSeconds?: number;
      /** The error's details, e.g. `approvalRequired` (show a manager's approval step) and what is owed. */
      details?: Record<string, unknown>;
    };

export const UNAVAILABLE_MESSAGE = "The service is briefly unavailable; nothing was saved. Try again in a few seconds.";

/**
 * The one way to write a server action: session → role → zod → use case → revalidate the given
 * layouts on success. Returns a result object (never throws to the client), so forms can show
 * field-level messages. Export it directly from a "use server" file; a form adapter (FormData →
 * input) calls it.
 */
export function action<S extends z.ZodType, T>(
  options: { permission: Permission; input: S; revalidate?: readonly string[] },
  handler: (ctx: Ctx, input: z.infer<S>) => Promise<T>,
) {
  const run = async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const ctx = await currentCtx();
      if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      assertCan(ctx, options.permission);
      const input = raw instanceof FormData ? Object.fromEntries(raw) : raw;
      assertStorableInput(input);
      const parsed = options.input.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          code: "VALIDATION",
          error: "Some fields are invalid",
          fieldErrors: fieldErrorsOf(parsed.error),
        };
      }
      const data = await inSpan(
        `action ${options.permission}`,
        { "enduser.role": ctx.role, "kitchen.location_id": ctx.locationId },
        () => handler(ctx, parsed.data),
      );
      for (const path of options.revalidate ?? []) revalidatePath(path, "layout");
      return { ok: true, data };
    } catch (error) {
      return failureOf(error);
    }
  };
  // The schema travels with the action: the action fuzz test generates its inputs from it.
  return Object.assign(run, { schema: options.input });
}

/** An error as an action's result: AppErrors as they are, an outage as retryable, anything else logged. */
function failureOf(error: unknown): ActionResult<never> {
  if (error instanceof AppError) {
    return {
      ok: false,
      code: error.code,
      error: error.message,
      fieldErrors: error.fieldErrors,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  const ref = crypto.randomUUID();
  if (isDatabaseUnavailable(error)) {
    // An outage, not a bug: the transaction did not commit, so the same submit can be retried.
    log.warn("database unavailable", { ref, error });
    return {
      ok: false,
      code: "UNAVAILABLE",
      error: UNAVAILABLE_MESSAGE,
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
    };
  }
  const dataError = dataErrorAsAppError(error);
  if (dataError) {
    log.warn("input refused by the database", { ref, error });
    return { ok: false, code: dataError.code, error: dataError.message };
  }
  log.error("unhandled action error", { ref, error });
  return { ok: false, code: "INTERNAL", error: `Something went wrong. Reference: ${ref}` };
}

export type RequestMeta = { ip: string; requestId: string };

/** The caller's address and request id; outside a request (tests, scripts) there are no headers. */
async function requestMeta(): Promise<RequestMeta> {
  try {
    const h = await headers();
    return { ip: clientIp(h), requestId: h.get("x-request-id") ?? crypto.randomUUID() };
  } catch {
    return { ip: "unknown", requestId: crypto.randomUUID() };
  }
}

/**
 * A server action for the signed-out (forgot password, reset password): zod → use case, the same
 * result shape and error mapping as `action()`, with the caller's address and request id instead
 * of a session. The use case is the authority on everything else (rate limits, tokens).
 */
export function publicAction<S extends z.ZodType, T>(
  options: { input: S },
  handler: (input: z.infer<S>, meta: RequestMeta) => Promise<T>,
) {
  const run = async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const input = raw instanceof FormData ? Object.fromEntries(raw) : raw;
      assertStorableInput(input);
      const parsed = options.input.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          code: "VALIDATION",
          error: "Some fields are invalid",
          fieldErrors: fieldErrorsOf(parsed.error),
        };
      }
      return { ok: true, data: await handler(parsed.data, await requestMeta()) };
    } catch (error) {
      return failureOf(error);
    }
  };
  return Object.assign(run, { schema: options.input });
}
