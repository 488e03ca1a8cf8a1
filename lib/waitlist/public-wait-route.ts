import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { clientIp } from "../http/client-ip";
import { rateLimitedError } from "../http/rate-limit-headers";
import { errorResponse } from "../http/route";
import { limiter } from "../ops/rate-limit";
import { instrumented } from "../observability/instrumented";

/**
 * The waiting guest's public endpoints (no session): rate-limited per address, errors as the API's
 * JSON, never cached.
 */
export function publicWaitRoute(handler: (req: NextRequest, token: string) => Promise<unknown>) {
  return instrumented(async (req: NextRequest, segment: { params: Promise<{ token: string }> }) => {
    const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
    try {
      const limit = limiter("wait-status");
      const verdict = await limit.limit(clientIp(req.headers));
      if (!verdict.success) throw rateLimitedError(limit.policy, verdict, "Too many requests; try again shortly");
      const { token } = await segment.params;
      return NextResponse.json(await handler(req, token), {
        headers: { "cache-control": "no-store", "x-request-id": requestId },
      });
    } catch (error) {
      return errorResponse(error, requestId);
    }
  });
}
