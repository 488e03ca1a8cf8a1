import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "../errors";
import { clientIp, rateLimitKeyForIp } from "../http/client-ip";
import { rateLimitedError } from "../http/rate-limit-headers";
import { assertSameOrigin, errorResponse } from "../http/route";
import { isJsonContentType } from "../http/same-origin";
import { limiter } from "../ops/rate-limit";
import { instrumented } from "../observability/instrumented";
import { assertStorableInput } from "../validation";
import { MEMBER_COOKIE } from "./guest-cookie";
import { resolveGuest, type GuestCtx } from "./guest-context";

export type GuestRequestMeta = { requestId: string; ip: string; req: NextRequest; params: Record<string, string> };

/** JSON body of a guest request: small, JSON, storable. `{}` when empty. */
export async function readGuestBody(req: NextRequest): Promise<unknown> {
  const text = await req.text();
  if (text.length > 32_000) throw new AppError("PAYLOAD_TOO_LARGE", "Request body too large");
  if (text && !isJsonContentType(req.headers.get("content-type")))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json");
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("VALIDATION", "Body must be valid JSON");
  }
  assertStorableInput(json);
  return json;
}

/**
 * The guests' API surface (ADR 0034), separate from staff routes: no staff session; writes must be
 * same-origin (CSRF); every call is rate limited per phone (per address before joining); answers
 * are JSON, never cached.
 * With `member`, the joined phone's cookie must resolve to a live session.
 */
export function guestRoute<M extends boolean>(
  options: { member: M; status?: number },
  handler: (args: GuestRequestMeta & { guest: M extends true ? GuestCtx : null }) => Promise<unknown>,
) {
  return instrumented(async (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => {
    const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
    try {
      assertSameOrigin(req);
      const ip = clientIp(req.headers);
      // Per phone once it has joined (a busy room shares one wifi address), per address before.
      const guest = options.member
        ? await resolveGuest(req.cookies.get(MEMBER_COOKIE)?.value, { requestId, ip }, { touch: true })
        : null;
      const api = limiter(guest ? "guest-api" : "guest-api-ip");
      const verdict = await api.limit(guest ? `m:${guest.memberId}` : rateLimitKeyForIp(ip));
      if (!verdict.success) throw rateLimitedError(api.policy, verdict, "Too many requests; try again shortly");
      const params = segment?.params ? await segment.params : {};
      const result = await handler({ requestId, ip, req, params, guest: guest as M extends true ? GuestCtx : null });
      if (result instanceof Response) {
        result.headers.set("cache-control", "no-store");
        result.headers.set("x-request-id", requestId);
        return result;
      }
      return NextResponse.json(result ?? { ok: true }, {
        status: options.status ?? 200,
        headers: { "cache-control": "no-store", "x-request-id": requestId },
      });
    } catch (error) {
      return errorResponse(error, requestId);
    }
  });
}
