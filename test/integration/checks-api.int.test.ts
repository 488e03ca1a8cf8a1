// The checks and payments REST routes in process, on the real database: the session is stubbed,
// everything else (wrapper, zod, use cases, SQL) is real. Idempotency-Key semantics of payments.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { buildStations } from "./builders/kitchen";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildTables } from "./builders/tables";
import { resetDb, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => state.ctx,
  requireUser: async () => state.ctx,
}));
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({ limit: async () => ({ success: true, remaining: 1000, reset: 0 }) }),
}));

const checksRoute = () => import("@/app/api/v1/orders/[orderId]/checks/route");
const splitRoute = () => import("@/app/api/v1/orders/[orderId]/checks/split/route");
const paymentsRoute = () => import("@/app/api/v1/checks/[checkId]/payments/route");
const refundsRoute = () => import("@/app/api/v1/payments/[paymentId]/refunds/route");

let loc: BuiltLocation;
let tables: Record<string, string>;
let burger: string;

function req(url: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ taxRateBps: 825 });
  const st = await buildStations(loc.id, [{ slug: "grill", name: "Grill" }]);
  const categoryId = (await buildCategory(loc.id, { name: "Food", defaultStationId: st.grill })).id;
  burger = (await buildMenuItem(loc.id, { categoryId, name: "Burger", stationId: st.grill, priceCents: 1650 })).id;
  tables = await buildTables(loc.id, ["1", "2"]);
});

async function order(label: string) {
  const { orderId } = await openOrder(loc.ctx.SERVER, { tableId: tables[label], guestCount: 2 });
  await sendOrder(loc.ctx.SERVER, {
    orderId,
    idempotencyKey: randomUUID(),
    items: [
      { menuItemId: burger, quantity: 1, seat: 1 },
      { menuItemId: burger, quantity: 1, seat: 2 },
    ],
  });
  return orderId;
}

describe("/api/v1 checks and payments", () => {
  it("lists checks, splits by seat, takes an idempotent payment and a refund", async () => {
    state.ctx = loc.ctx.CASHIER;
    const orderId = await order("1");
    const { GET } = await checksRoute();
    const listed = await GET(req(`/api/v1/orders/${orderId}/checks`, "GET"), seg({ orderId }));
    expect(listed.status).toBe(200);
    expect((await listed.json()).checks).toHaveLength(1);

    const { POST: split } = await splitRoute();
    const bad = await split(req(`/api/v1/orders/${orderId}/checks/split`, "POST", { by: "thirds" }), seg({ orderId }));
    expect(bad.status).toBe(400);
    const ok = await split(req(`/api/v1/orders/${orderId}/checks/split`, "POST", { by: "seat" }), seg({ orderId }));
    expect(ok.status).toBe(200);
    const checks = (await (await GET(req(`/api/v1/orders/${orderId}/checks`, "GET"), seg({ orderId }))).json())
      .checks as { id: string; totalCents: number }[];
    expect(checks).toHaveLength(2);

    const { POST: pay } = await paymentsRoute();
    const checkId = checks[0]!.id;
    const url = `/api/v1/checks/${checkId}/payments`;
    const noKey = await pay(req(url, "POST", { tender: "CASH", amountCents: 500 }), seg({ checkId }));
    expect(noKey.status).toBe(400);
    const key = randomUUID();
    const body = { tender: "CASH", amountCents: 2000, tenderedCents: 2000 };
    const first = await pay(req(url, "POST", body, { "idempotency-key": key }), seg({ checkId }));
    expect(first.status).toBe(201);
    const paid = await first.json();
    expect(paid).toMatchObject({ checkPaid: true, changeCents: 2000 - checks[0]!.totalCents });
    const replay = await pay(req(url, "POST", body, { "idempotency-key": key }), seg({ checkId }));
    expect(replay.status).toBe(200);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await replay.json()).paymentId).toBe(paid.paymentId);
    const changed = await pay(
      req(url, "POST", { ...body, amountCents: 100 }, { "idempotency-key": key }),
      seg({ checkId }),
    );
    expect(changed.status).toBe(422);
    expect(await testDb().payment.count({ where: { checkId } })).toBe(1);

    const card = await pay(
      req(
        `/api/v1/checks/${checks[1]!.id}/payments`,
        "POST",
        { tender: "CARD", amountCents: 99_999 },
        { "idempotency-key": randomUUID() },
      ),
      seg({ checkId: checks[1]!.id }),
    );
    expect(card.status).toBe(400);
    const fields = (await card.json()).error.fieldErrors;
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(["cardLast4", "reference"]));

    const { POST: refund } = await refundsRoute();
    const paymentId = paid.paymentId as string;
    const refused = await refund(
      req(`/api/v1/payments/${paymentId}/refunds`, "POST", { amountCents: 100, reason: "Spilled" }),
      seg({ paymentId }),
    );
    expect(refused.status).toBe(403);
    state.ctx = loc.ctx.MANAGER;
    const done = await refund(
      req(`/api/v1/payments/${paymentId}/refunds`, "POST", { amountCents: 100, reason: "Spilled" }),
      seg({ paymentId }),
    );
    expect(done.status).toBe(200);
    expect((await testDb().payment.findUniqueOrThrow({ where: { id: paymentId } })).refundedCents).toBe(100);
  });

  it("refuses the host and other locations' ids", async () => {
    const orderId = await order("2");
    const { GET } = await checksRoute();
    state.ctx = loc.ctx.CHEF;
    expect((await GET(req(`/api/v1/orders/${orderId}/checks`, "GET"), seg({ orderId }))).status).toBe(403);
    state.ctx = (await buildLocation()).ctx.MANAGER;
    expect((await GET(req(`/api/v1/orders/${orderId}/checks`, "GET"), seg({ orderId }))).status).toBe(404);
    const { POST: split } = await splitRoute();
    state.ctx = loc.ctx.HOST;
    expect(
      (await split(req(`/api/v1/orders/${orderId}/checks/split`, "POST", { by: "seat" }), seg({ orderId }))).status,
    ).toBe(403);
  });
});
