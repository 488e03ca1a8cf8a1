// Issue 15 (observability): GET /api/metrics speaks Prometheus text behind a bearer token, and the
// series move with the real use cases on the real database: requests by route template (never a
// raw id), sends (not their idempotent replays), bumps with their ticket time, stock-outs, rate
// limits, sign-in outcomes and the database pool.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

const TOKEN = "metrics-test-token-0123456789";
// Read by lib/env.ts on first use, which comes after this point; no realtime server is needed.
Object.assign(process.env, { METRICS_TOKEN: TOKEN, PUSHER_HOST: "127.0.0.1", PUSHER_PORT: "9" });

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({ currentCtx: async () => state.ctx, requireUser: async () => state.ctx }));

const { GET: scrape } = await import("@/app/api/metrics/route");
const { GET: orderHistory } = await import("@/app/api/v1/orders/[orderId]/history/route");
const { openOrder } = await import("@/lib/orders/open-order");
const { sendOrder } = await import("@/lib/orders/send-order");
const { bumpItems } = await import("@/lib/kitchen/bump-items");
const { createLimiter } = await import("@/lib/ops/rate-limit");
const { countedAuthAttempt } = await import("@/lib/auth/auth-metrics");
const { db } = await import("@/lib/db");
const { buildLocation } = await import("./builders/location");
const { buildCategory, buildMenuItem } = await import("./builders/menu");
const { buildIngredient, buildRecipe } = await import("./builders/inventory");
const { buildStations } = await import("./builders/kitchen");
const { buildTables } = await import("./builders/tables");
const { resetDb } = await import("./helpers");

async function scrapeText(auth = `Bearer ${TOKEN}`): Promise<string> {
  const res = await scrape(new Request("http://localhost/api/metrics", { headers: { authorization: auth } }));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  return res.text();
}

/** The value of one sample (`name{labels} value`), 0 when the series has not appeared yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return 0;
}

let server: Ctx, chef: Ctx, manager: Ctx;
let dishId: string, tableId: string;
beforeAll(async () => {
  await resetDb();
  const location = await buildLocation();
  ({ SERVER: server, CHEF: chef, MANAGER: manager } = location.ctx);
  const stations = await buildStations(location.id, [{ slug: "grill", name: "Grill" }]);
  const categoryId = (await buildCategory(location.id)).id;
  dishId = (
    await buildMenuItem(location.id, { categoryId, name: "Burger", stationId: stations.grill, priceCents: 1500 })
  ).id;
  tableId = (await buildTables(location.id, ["1"]))["1"];
});

describe("GET /api/metrics", () => {
  it("refuses a missing or wrong token with 401 and no figures", async () => {
    for (const auth of ["", "Bearer wrong-token-0123456789", `Basic ${TOKEN}`]) {
      const res = await scrape(new Request("http://localhost/api/metrics", { headers: { authorization: auth } }));
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await res.text()).not.toMatch(/http_requests_total/);
    }
  });

  it("lists the named series in Prometheus text", async () => {
    const text = await scrapeText();
    for (const name of [
      "http_requests_total",
      "http_request_duration_seconds",
      "auth_attempts_total",
      "database_connections_active",
      "jwt_tokens_issued_total",
      "rate_limit_exceeded_total",
      "orders_sent_total",
      "kitchen_tickets_bumped_total",
      "kitchen_ticket_seconds",
      "realtime_publish_duration_seconds",
      "realtime_publish_failures_total",
      "stock_outs_total",
      "process_cpu_user_seconds_total",
    ])
      expect(text, name).toMatch(new RegExp(`^# TYPE ${name} `, "m"));
  });
});

describe("the series move with the work", () => {
  it("counts a send once (its replay is not a send) and a bump with its ticket time", async () => {
    const before = await scrapeText();
    const { orderId } = await openOrder(server, { tableId, guestCount: 2 });
    const key = randomUUID();
    const sent = await sendOrder(server, {
      orderId,
      idempotencyKey: key,
      items: [{ menuItemId: dishId, quantity: 2 }],
    });
    const replay = await sendOrder(server, {
      orderId,
      idempotencyKey: key,
      items: [{ menuItemId: dishId, quantity: 2 }],
    });
    expect(replay.replayed).toBe(true);
    await bumpItems(chef, { station: "grill", orderItemIds: sent.firedItemIds });
    // A second bump of the same items changes nothing and is not a ticket.
    await bumpItems(chef, { station: "grill", orderItemIds: sent.firedItemIds });

    const after = await scrapeText();
    const delta = (name: string, labels: Record<string, string>) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect(delta("orders_sent_total", { source: "FLOOR" })).toBe(1);
    expect(delta("kitchen_tickets_bumped_total", { station: "grill" })).toBe(1);
    expect(delta("kitchen_ticket_seconds_count", { station: "grill" })).toBe(1);
    expect(delta("kitchen_ticket_seconds_bucket", { station: "grill", le: "+Inf" })).toBe(1);
  });

  it("labels requests by route template, never by the raw id", async () => {
    state.ctx = manager;
    const { orderId } = await openOrder(server, {
      tableId: (await buildTables(manager.locationId, ["2"]))["2"],
      guestCount: 1,
    });
    const url = `http://localhost/api/v1/orders/${orderId}/history`;
    const ok = await orderHistory(new NextRequest(url), { params: Promise.resolve({ orderId }) });
    expect(ok.status).toBe(200);
    const missing = await orderHistory(new NextRequest("http://localhost/api/v1/orders/nope/history"), {
      params: Promise.resolve({ orderId: "nope" }),
    });
    expect(missing.status).toBe(404);

    const text = await scrapeText();
    const route = "/api/v1/orders/[orderId]/history";
    expect(sample(text, "http_requests_total", { method: "GET", route, status: "200" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "http_requests_total", { method: "GET", route, status: "404" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "http_request_duration_seconds_count", { route, status: "200" })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(orderId);
    expect(text).not.toContain("/nope/");
  });

  it("counts a stock-out when the last portion sells", async () => {
    const before = sample(await scrapeText(), "stock_outs_total");
    const ingredient = await buildIngredient(server.locationId, {
      name: `Last portion ${randomUUID().slice(0, 6)}`,
      baseUnit: "G",
      purchaseUnit: "kg bag",
      purchaseUnitSize: "1000",
      costCentsPerPurchaseUnit: 1000,
      parLevel: "1000",
      reorderPoint: "0",
      stock: "100",
    });
    const categoryId = (await buildCategory(server.locationId)).id;
    const dish = await buildMenuItem(server.locationId, { categoryId, name: "One left", priceCents: 900 });
    await buildRecipe(server.locationId, { menuItemId: dish.id }, [[ingredient.id, "100"]]);
    const { orderId } = await openOrder(server, {
      tableId: (await buildTables(server.locationId, ["3"]))["3"],
      guestCount: 1,
    });
    await sendOrder(server, { orderId, idempotencyKey: randomUUID(), items: [{ menuItemId: dish.id, quantity: 1 }] });
    expect((await db.menuItem.findUniqueOrThrow({ where: { id: dish.id } })).is86d).toBe(true);
    expect(sample(await scrapeText(), "stock_outs_total") - before).toBe(1);
  });

  it("counts refusals by rate-limit policy", async () => {
    const policy = `metrics-test-${randomUUID().slice(0, 6)}`;
    const limit = createLimiter(policy, 1, "1 m");
    expect((await limit.limit("k")).success).toBe(true);
    expect((await limit.limit("k")).success).toBe(false);
    expect((await limit.limit("k")).success).toBe(false);
    expect(sample(await scrapeText(), "rate_limit_exceeded_total", { policy })).toBe(2);
  });

  it("counts sign-in outcomes: success, failure and lockout", async () => {
    const before = await scrapeText();
    await countedAuthAttempt("password", async () => "ok");
    await expect(
      countedAuthAttempt("password", async () => {
        throw new AppError("UNAUTHENTICATED", "Invalid email or password");
      }),
    ).rejects.toThrow();
    await expect(
      countedAuthAttempt("pin", async () => {
        throw new AppError("LOCKED", "Locked");
      }),
    ).rejects.toThrow();
    const after = await scrapeText();
    const delta = (labels: Record<string, string>) =>
      sample(after, "auth_attempts_total", labels) - sample(before, "auth_attempts_total", labels);
    expect(delta({ kind: "password", outcome: "success" })).toBe(1);
    expect(delta({ kind: "password", outcome: "failure" })).toBe(1);
    expect(delta({ kind: "pin", outcome: "locked" })).toBe(1);
  });

  it("reads the process's database pool", async () => {
    await db.$queryRaw`SELECT 1`;
    const text = await scrapeText();
    expect(sample(text, "database_connections_idle") + sample(text, "database_connections_active")).toBeGreaterThan(0);
    // Held inside a transaction, a connection is active.
    const during = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      return scrapeText();
    });
    expect(sample(during, "database_connections_active")).toBeGreaterThanOrEqual(1);
  });
});
