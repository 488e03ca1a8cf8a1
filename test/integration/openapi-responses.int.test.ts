// Real answers of real routes against the OpenAPI document (issue 15): the core flow (open,
// send, read, kitchen feed, menu, reports), the error shape, and every GET route without path
// parameters. In process on the real database; the session is stubbed, everything else is real.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { ROUTE_MODULES } from "@/lib/openapi/route-modules.generated";
import { responseValidator } from "@/test/support/openapi";
import { buildStations } from "./builders/kitchen";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { resetDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => state.ctx,
  requireUser: async () => state.ctx,
}));
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({ limit: async () => ({ success: true, remaining: 1000, reset: 0 }) }),
}));

type Handler = (req: NextRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

const doc = buildOpenApiDocument();
const validator = responseValidator(doc);

/** Calls the route of `template` and checks its answer against the document; returns the body. */
async function call(
  method: string,
  template: string,
  opts: { params?: Record<string, string>; query?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const route = ROUTE_MODULES.find((r) => r.path === template);
  const handler = (route?.module as Record<string, Handler> | undefined)?.[method];
  if (!handler) throw new Error(`no ${method} ${template}`);
  const url = template.replace(/\{([^}]+)\}/g, (_, name: string) => opts.params![name]) + (opts.query ?? "");
  const res = await handler(
    new NextRequest(`http://localhost:3000${url}`, {
      method,
      headers: { "content-type": "application/json", ...opts.headers },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
  const mediaType = (res.headers.get("content-type") ?? "").split(";")[0];
  const body = mediaType === "application/json" ? await res.json() : await res.text();
  const problem = validator.check(method, template, res.status, body, mediaType);
  expect
    .soft(problem, `${method} ${url} → ${res.status} ${mediaType}: ${JSON.stringify(body).slice(0, 300)}`)
    .toBeNull();
  return { status: res.status, body };
}

let loc: BuiltLocation;
let tableId: string;
let burger: string;

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ taxRateBps: 825 });
  const st = await buildStations(loc.id, [{ slug: "grill", name: "Grill" }]);
  const categoryId = (await buildCategory(loc.id, { name: "Mains", defaultStationId: st.grill })).id;
  burger = (await buildMenuItem(loc.id, { categoryId, name: "Burger", stationId: st.grill, priceCents: 1650 })).id;
  tableId = (await buildTables(loc.id, ["1"]))["1"];
});

describe("/api/v1 answers match the OpenAPI document", () => {
  it("the core flow: open, send, read, kitchen feed, menu, reports", async () => {
    state.ctx = loc.ctx.SERVER;
    const opened = await call("POST", "/api/v1/orders", { body: { tableId, guestCount: 2 } });
    expect(opened.status).toBe(201);
    const orderId = opened.body.orderId as string;
    const sent = await call("POST", "/api/v1/orders/{orderId}/send", {
      params: { orderId },
      headers: { "idempotency-key": randomUUID() },
      body: { items: [{ menuItemId: burger, quantity: 2, seat: 1, notes: "no onions" }] },
    });
    expect(sent.body.firedItemIds).toHaveLength(1);
    expect((await call("GET", "/api/v1/orders", { query: "?status=ACTIVE" })).body.orders).toHaveLength(1);
    expect((await call("GET", "/api/v1/orders/{orderId}", { params: { orderId } })).body.order.items).toHaveLength(1);
    await call("GET", "/api/v1/menu/order-pad");
    await call("GET", "/api/v1/me");

    state.ctx = loc.ctx.CHEF;
    const board = await call("GET", "/api/v1/kitchen/snapshot", { query: "?station=grill" });
    expect(board.body.tickets).toHaveLength(1);
    expect((await call("GET", "/api/v1/kitchen/events", { query: "?after=0" })).body.events.length).toBeGreaterThan(0);

    state.ctx = loc.ctx.MANAGER;
    await call("GET", "/api/v1/menu/items");
    await call("GET", "/api/v1/reports/sales", { query: "?preset=today&groupBy=hour" });
  });

  it("errors have the documented shape and status", async () => {
    state.ctx = loc.ctx.SERVER;
    const { body: opened } = await call("POST", "/api/v1/orders", { body: {} });
    const bad = await call("POST", "/api/v1/orders/{orderId}/send", {
      params: { orderId: opened.orderId },
      headers: { "idempotency-key": randomUUID() },
      body: { items: [{ menuItemId: burger, quantity: -1 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fieldErrors).toBeTruthy();
    expect((await call("GET", "/api/v1/orders/{orderId}", { params: { orderId: "c" + "0".repeat(24) } })).status).toBe(
      404,
    );
    expect((await call("GET", "/api/v1/menu/items")).status).toBe(403);
    state.ctx = null;
    expect((await call("GET", "/api/v1/orders")).status).toBe(401);
  });

  it("a body that strays from the document fails the check", async () => {
    state.ctx = loc.ctx.SERVER;
    const { body } = await call("GET", "/api/v1/orders", { query: "?status=ACTIVE" });
    const strayed = { orders: body.orders.map((o: Record<string, unknown>) => ({ ...o, totalCents: "16.50" })) };
    expect(validator.check("GET", "/api/v1/orders", 200, strayed)).toMatch(/totalCents/);
  });

  it("every GET route without path parameters answers as documented (as an admin, no query)", async () => {
    state.ctx = loc.ctx.ADMIN;
    const plain = ROUTE_MODULES.filter((r) => !r.path.includes("{") && "GET" in r.docs);
    expect(plain.length).toBeGreaterThan(30);
    const statuses: Record<string, number> = {};
    for (const r of plain) statuses[r.path] = (await call("GET", r.path)).status;
    expect(Object.values(statuses).filter((s) => s >= 500)).toEqual([]);
    expect(Object.values(statuses).filter((s) => s === 200).length).toBeGreaterThan(20);
  });
});
