import type { NextRequest } from "next/server";
import { observeRequest, routeTemplate } from "./metrics";
import { inSpan } from "./tracing";

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
    // The template is known before the handler runs, so the span can be named by it.
    const params = segment?.params ? await segment.params.catch(() => ({})) : {};
    const template = routeTemplate(req.nextUrl.pathname, params);
    let status = 500;
    try {
      return await inSpan(
        `${req.method} ${template}`,
        { "http.request.method": req.method, "http.route": template },
        async (span) => {
          const res = await handler(req, segment as S);
          status = res.status;
          span?.setAttribute("http.response.status_code", status);
          return res;
        },
      );
    } finally {
      observeRequest(req.method, template, status, (performance.now() - started) / 1000);
    }
  };
}
