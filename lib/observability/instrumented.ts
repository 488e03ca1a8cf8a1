import type { NextRequest } from "next/server";
import { observeRequest, routeTemplate } from "./metrics";

type Segment = { params: Promise<Record<string, string | string[]>> };

/**
 * Times a route handler and counts its answer in `http_requests_total` and
 * `http_request_duration_seconds`, labelled by the route's template (never the raw URL).
 */
export function instrumented<S extends Segment, R extends Response>(
  handler: (req: NextRequest, segment: S) => Promise<R>,
): (req: NextRequest, segment?: S) => Promise<R> {
  return async (req, segment) => {
    const started = performance.now();
    let status = 500;
    try {
      const res = await handler(req, segment as S);
      status = res.status;
      return res;
    } finally {
      const params = segment?.params ? await segment.params.catch(() => ({})) : {};
      observeRequest(
        req.method,
        routeTemplate(req.nextUrl.pathname, params),
        status,
        (performance.now() - started) / 1000,
      );
    }
  };
}
