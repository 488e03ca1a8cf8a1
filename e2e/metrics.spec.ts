// Issue 15 (observability): the production server's GET /api/metrics, scraped as Prometheus would
// with its bearer token, shows the named series and they move with the run's traffic: the setup's
// sign-ins and issued sessions, API requests by route template (never a raw id), the database pool.
// Read only.
import { request, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import { E2E_BASE_URL, E2E_METRICS_TOKEN, storageStateFor } from "./support/e2e-env";

async function scrape(prometheus: APIRequestContext): Promise<string> {
  const res = await prometheus.get("/api/metrics", { headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` } });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/plain/);
  return res.text();
}

/** Sum of the samples of `name` whose labels include `labels`. */
function sum(text: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) total += Number(m[3]);
  }
  return total;
}

test("Prometheus scrapes the named series, and they move with the traffic", async () => {
  const prometheus = await request.newContext({ baseURL: E2E_BASE_URL });
  expect((await prometheus.get("/api/metrics")).status()).toBe(401);
  expect(
    (await prometheus.get("/api/metrics", { headers: { authorization: "Bearer not-the-token-0123456789" } })).status(),
  ).toBe(401);

  const before = await scrape(prometheus);
  // The setup project signed every role in through the login page of this very server.
  expect(sum(before, "auth_attempts_total", { kind: "password", outcome: "success" })).toBeGreaterThanOrEqual(1);
  expect(sum(before, "jwt_tokens_issued_total", { kind: "session" })).toBeGreaterThanOrEqual(1);
  for (const name of ["rate_limit_exceeded_total", "orders_sent_total", "kitchen_ticket_seconds", "stock_outs_total"])
    expect(before).toMatch(new RegExp(`^# TYPE ${name} `, "m"));

  const manager = await request.newContext({ baseURL: E2E_BASE_URL, storageState: storageStateFor("manager") });
  // Closed orders: the demo's history has hundreds, whatever earlier specs left open.
  const orders = (await (await manager.get("/api/v1/orders?status=CLOSED&limit=1")).json()) as {
    orders: { id: string }[];
  };
  expect(orders.orders.length, "the demo has closed orders").toBeGreaterThan(0);
  const orderId = orders.orders[0].id;
  expect((await manager.get(`/api/v1/orders/${orderId}/history`)).status()).toBe(200);
  expect((await manager.get(`/api/v1/orders/${orderId}/history`)).status()).toBe(200);
  expect((await manager.get("/api/v1/orders/not-an-order/history")).status()).toBe(404);

  const after = await scrape(prometheus);
  const route = "/api/v1/orders/[orderId]/history";
  const moved = (labels: Record<string, string>) =>
    sum(after, "http_requests_total", labels) - sum(before, "http_requests_total", labels);
  expect(moved({ method: "GET", route, status: "200" })).toBe(2);
  expect(moved({ method: "GET", route, status: "404" })).toBe(1);
  expect(
    sum(after, "http_request_duration_seconds_count", { route }) -
      sum(before, "http_request_duration_seconds_count", { route }),
  ).toBe(3);
  expect(after, "labels are templates, never raw ids").not.toContain(orderId);
  expect(after).not.toContain("not-an-order");
  expect(sum(after, "database_connections_active") + sum(after, "database_connections_idle")).toBeGreaterThan(0);
  await Promise.all([prometheus.dispose(), manager.dispose()]);
});
