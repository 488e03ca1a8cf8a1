import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { readGuestBody } from "../guest/guest-route";
import { clientIp, rateLimitKeyForIp } from "../http/client-ip";
import { rateLimitedError } from "../http/rate-limit-headers";
import { assertSameOrigin, errorResponse } from "../http/route";
import { instrumented } from "../observability/instrumented";
import { limiter } from "../ops/rate-limit";
import { CUSTOMER_COOKIE } from "./customer-cookie";
import { resolveCustomer, type CustomerCtx } from "./customer-session";

export type CustomerRequestMeta = { requestId: string; ip: string; req: NextRequest; params: Record<string, string> };

/** JSON body of a customer request: small, JSON, storable. `{}` when empty. */
export const readCustomerBody = readGuestBody;

/**
 * The online customers' API surface (/api/public), separate from staff and table guests: no staff
 * session; writes must be same-origin (CSRF); every call is rate limited per customer session once
 * verified, per address before; answers are JSON, never cached.
 * With `customer`, the cookie must resolve to a live customer session.
 */
export function customerRoute<C extends boolean>(
  options: { customer: C; status?: number },
  handler: (args: CustomerRequestMeta & { customer: C extends true ? CustomerCtx : null }) => Promise<unknown>,
) {
  return instrumented(async (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => {
    const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
    try {
      assertSameOrigin(req);
      const ip = clientIp(req.headers);
      const customer = options.customer
        ? await resolveCustomer(req.cookies.get(CUSTOMER_COOKIE)?.value, { requestId, ip }, { touch: true })
        : null;
      const api = limiter(customer ? "customer-api" : "customer-api-ip");
      const verdict = await api.limit(customer ? `c:${customer.sessionId}` : rateLimitKeyForIp(ip));
      if (!verdict.success) throw rateLimitedError(api.policy, verdict, "Too many requests; try again shortly");
      const params = segment?.params ? await segment.params : {};
      const result = await handler({
        requestId,
        ip,
        req,
        params,
        customer: customer as C extends true ? CustomerCtx : null,
      });
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
