import { timingSafeEqual, createHash } from "node:crypto";
import { env } from "@/lib/env";
import { metrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Prometheus scrape endpoint: `Authorization: Bearer $METRICS_TOKEN`. Without a configured token it
 * does not exist (404), so a deployment never exposes its figures by accident.
 */
export async function GET(req: Request) {
  const token = env().METRICS_TOKEN;
  const headers = { "cache-control": "no-store" };
  if (!token) return Response.json({ error: { code: "NOT_FOUND", message: "Not found" } }, { status: 404, headers });
  const given = /^Bearer (.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
  // Compared as digests: equal lengths, constant time.
  if (!timingSafeEqual(digest(given), digest(token)))
    return Response.json(
      { error: { code: "UNAUTHENTICATED", message: "Send the metrics token as a Bearer token" } },
      { status: 401, headers: { ...headers, "www-authenticate": 'Bearer realm="metrics"' } },
    );
  const registry = metrics().registry;
  return new Response(await registry.metrics(), { headers: { ...headers, "content-type": registry.contentType } });
}
