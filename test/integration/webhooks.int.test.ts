// Webhooks (issue 15, ADR 0042) against a real local HTTP receiver: events from the domain
// (send, 86), signatures the receiver verifies, retries with backoff, timeouts, FAILED after the
// last attempt, redelivery, SKIP LOCKED between two dispatchers, disabled endpoints, the API's
// roles and field errors, tenancy.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { openOrder } from "@/lib/orders/open-order";
import { sendOrder } from "@/lib/orders/send-order";
import { setMenuItem86 } from "@/lib/menu/set-menu-item-86";
import { getOrderChecks } from "@/lib/checks/get-order-checks";
import { bumpItems } from "@/lib/kitchen/bump-items";
import { markTicketReady } from "@/lib/kitchen/mark-ticket-ready";
import { recordPayment } from "@/lib/payments/record-payment";
import { metrics } from "@/lib/observability/metrics";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { dispatchWebhooks } from "@/lib/webhooks/dispatch-webhooks";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { DISABLE_AFTER_FAILURES, MAX_ATTEMPTS, RETRY_DELAYS_MS } from "@/lib/webhooks/retry-policy";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";
import { verifyWebhookSignature } from "@/lib/webhooks/verify-signature";
import { startWebhookReceiver, type WebhookReceiver } from "@/test/support/webhook-receiver";
import { buildStations } from "./builders/kitchen";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { expectAppError, resetDb, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => state.ctx,
  requireUser: async () => state.ctx,
}));
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({ limit: async () => ({ success: true, remaining: 1000, reset: 0 }) }),
}));

let receiver: WebhookReceiver;
let loc: BuiltLocation;
let other: BuiltLocation;
let dishId: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  await resetDb();
  loc = await buildLocation();
  other = await buildLocation();
  const { grill } = await buildStations(loc.id, [{ slug: "grill" }]);
  const category = await buildCategory(loc.id, { defaultStationId: grill });
  dishId = (await buildMenuItem(loc.id, { categoryId: category.id, stationId: grill, name: "Flat iron" })).id;
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(async () => {
  await testDb().webhookEndpoint.deleteMany({});
  receiver.reset();
});

async function endpoint(events: string[] = ["order.sent"], who: BuiltLocation = loc) {
  return createWebhookEndpoint(who.ctx.MANAGER, { url: receiver.url, events: events as ["order.sent"] });
}

async function sendDish() {
  const { orderId } = await openOrder(loc.ctx.SERVER, { tableId: null });
  await sendOrder(loc.ctx.SERVER, {
    orderId,
    idempotencyKey: randomUUID(),
    items: [{ menuItemId: dishId, quantity: 2 }],
  });
  return orderId;
}

/** Make every queued delivery due now (instead of sleeping through the backoff). */
async function makeDue() {
  await testDb().webhookDelivery.updateMany({ data: { nextAttemptAt: new Date(Date.now() - 1000) } });
}

describe("events to receivers", () => {
  it("an order send posts a signed order.sent the receiver verifies (body, timestamp, headers)", async () => {
    const { endpoint: ep, secret } = await endpoint();
    expect(secret).toMatch(/^whsec_/);
    const orderId = await sendDish();
    const queued = await testDb().webhookDelivery.findMany({ where: { endpointId: ep.id } });
    expect(queued).toHaveLength(1); // in the outbox with the send, before any dispatch

    expect(await dispatchWebhooks()).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(receiver.received).toHaveLength(1);
    const hit = receiver.received[0];
    const check = verifyWebhookSignature({
      rawBody: hit.body,
      header: hit.headers["kitchen-signature"] as string,
      secret,
    });
    expect(check.ok).toBe(true);
    if (check.ok) expect(Math.abs(check.timestamp - Date.now() / 1000)).toBeLessThan(10);
    const body = JSON.parse(hit.body);
    expect(body).toMatchObject({ type: "order.sent", locationId: loc.id, data: { orderId, fireBatch: 1 } });
    expect(body.id).toMatch(/^evt_/);
    expect(hit.headers["kitchen-event-id"]).toBe(body.id);
    expect(hit.headers["kitchen-event-type"]).toBe("order.sent");
    expect(body.data.itemIds).toHaveLength(1);
    expect(body.data.totalCents).toBeGreaterThan(0);

    // Tampered body or another secret: verification fails.
    const tampered = hit.body.replace('"fireBatch":1', '"fireBatch":2');
    expect(tampered).not.toBe(hit.body);
    const header = hit.headers["kitchen-signature"] as string;
    expect(verifyWebhookSignature({ rawBody: tampered, header, secret })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ rawBody: hit.body, header, secret: "whsec_other" }).ok).toBe(false);
    // Replayed ten minutes later: refused.
    const later = new Date(Date.now() + 10 * 60_000);
    expect(verifyWebhookSignature({ rawBody: hit.body, header, secret, now: later })).toEqual({
      ok: false,
      reason: "too-old",
    });

    const [logged] = await listWebhookDeliveries(loc.ctx.MANAGER, { webhookId: ep.id });
    expect(logged).toMatchObject({ status: "SUCCEEDED", attempts: 1, lastStatusCode: 200, responseExcerpt: "ok" });
    expect(logged.deliveredAt).not.toBeNull();
  });

  it("sends only subscribed events to active endpoints of the event's location", async () => {
    const menuOnly = await endpoint(["menu.changed"]);
    const off = await endpoint(["order.sent", "menu.changed"]);
    await updateWebhookEndpoint(loc.ctx.MANAGER, { webhookId: off.endpoint.id, active: false });
    const elsewhere = await endpoint(["order.sent", "menu.changed"], other);
    await sendDish();
    await setMenuItem86(loc.ctx.CHEF, { id: dishId, eightySixed: true });
    await setMenuItem86(loc.ctx.CHEF, { id: dishId, eightySixed: false });
    const rows = await testDb().webhookDelivery.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.endpointId, r.eventType])).toEqual([
      [menuOnly.endpoint.id, "menu.changed"],
      [menuOnly.endpoint.id, "menu.changed"],
    ]);
    expect(rows.some((r) => r.endpointId === elsewhere.endpoint.id || r.endpointId === off.endpoint.id)).toBe(false);
    await dispatchWebhooks();
    expect(receiver.received.map((r) => JSON.parse(r.body).data.menuItemIds)).toEqual([[dishId], [dishId]]);
  });

  it("the pass marking the whole order ready emits order.ready; the payment that pays it emits order.paid", async () => {
    await endpoint(["order.ready", "order.paid"]);
    const orderId = await sendDish();
    const items = await testDb().orderItem.findMany({ where: { orderId }, select: { id: true } });
    await bumpItems(loc.ctx.CHEF, { station: "grill", orderItemIds: items.map((i) => i.id) });
    expect(await testDb().webhookDelivery.count()).toBe(0); // bumped, not yet passed
    await markTicketReady(loc.ctx.CHEF, { orderId, fireBatch: 1 });
    const view = await getOrderChecks(loc.ctx.SERVER, { orderId });
    const check = view.checks[0];
    await recordPayment(loc.ctx.CASHIER, {
      checkId: check.id,
      tender: "CASH",
      amountCents: check.totalCents,
      idempotencyKey: randomUUID(),
    });
    await dispatchWebhooks();
    const bodies = receiver.received.map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.type).sort()).toEqual(["order.paid", "order.ready"]);
    expect(bodies.find((b) => b.type === "order.paid").data).toMatchObject({ orderId, checkId: check.id });
    expect(bodies.find((b) => b.type === "order.ready").data).toMatchObject({ orderId, status: "READY" });
  });

  it("retries a 500 with backoff, then succeeds; counts the outcomes", async () => {
    await endpoint();
    await sendDish();
    const value = async (outcome: string) =>
      (await metrics().webhookDeliveries.get()).values.find(
        (v) => v.labels.event === "order.sent" && v.labels.outcome === outcome,
      )?.value ?? 0;
    const [retryingBefore, okBefore] = [await value("retrying"), await value("succeeded")];
    receiver.reply({ status: 500, body: "boom" });
    const before = Date.now();
    expect(await dispatchWebhooks()).toMatchObject({ claimed: 1, retrying: 1 });
    const [row] = await testDb().webhookDelivery.findMany();
    expect(row).toMatchObject({ status: "RETRYING", attempts: 1, lastStatusCode: 500, responseExcerpt: "boom" });
    const wait = row.nextAttemptAt.getTime() - before;
    expect(wait).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0] * 0.8 - 50);
    expect(wait).toBeLessThanOrEqual(RETRY_DELAYS_MS[0] * 1.2 + 1000);

    expect(await dispatchWebhooks()).toMatchObject({ claimed: 0 }); // not due yet
    await makeDue();
    expect(await dispatchWebhooks()).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0].headers["kitchen-event-id"]).toBe(receiver.received[1].headers["kitchen-event-id"]);
    const after = await testDb().webhookDelivery.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "SUCCEEDED", attempts: 2, lastStatusCode: 200, lastError: null });
    expect(await value("retrying")).toBe(retryingBefore + 1);
    expect(await value("succeeded")).toBe(okBefore + 1);
  });

  it("a receiver that does not answer in time counts as a failure", async () => {
    await endpoint();
    await sendDish();
    receiver.reply({ delayMs: 1_500 });
    const started = Date.now();
    expect(await dispatchWebhooks({ timeoutMs: 200 })).toMatchObject({ retrying: 1 });
    expect(Date.now() - started).toBeLessThan(1_400);
    const [row] = await testDb().webhookDelivery.findMany();
    expect(row).toMatchObject({ status: "RETRYING", lastStatusCode: null });
    expect(row.lastError).toMatch(/No answer within/);
  });

  it("gives up after the last attempt (FAILED), then Redeliver sends it again as a new delivery", async () => {
    const { endpoint: ep } = await endpoint();
    await sendDish();
    for (let i = 0; i < MAX_ATTEMPTS; i++) receiver.reply({ status: 503 });
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await makeDue();
      await dispatchWebhooks();
    }
    const [dead] = await testDb().webhookDelivery.findMany();
    expect(dead).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lastStatusCode: 503 });
    await makeDue();
    expect(await dispatchWebhooks()).toMatchObject({ claimed: 0 }); // FAILED is never claimed again
    expect((await testDb().webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } })).consecutiveFailures).toBe(1);

    const { deliveryId } = await redeliverWebhook(loc.ctx.MANAGER, { deliveryId: dead.id });
    expect(deliveryId).not.toBe(dead.id);
    expect(await dispatchWebhooks()).toMatchObject({ claimed: 1, succeeded: 1 });
    const log = await listWebhookDeliveries(loc.ctx.MANAGER, { webhookId: ep.id });
    expect(log.map((d) => [d.id, d.status])).toEqual([
      [deliveryId, "SUCCEEDED"],
      [dead.id, "FAILED"],
    ]);
    expect(log[0]).toMatchObject({ redeliveryOfId: dead.id, eventId: dead.eventId, attempts: 1 });
    // A success clears the endpoint's run of failures.
    expect((await testDb().webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } })).consecutiveFailures).toBe(0);
    const audit = await testDb().auditLog.findFirst({ where: { action: "webhook.redelivered", entityId: deliveryId } });
    expect(audit?.actorId).toBe(loc.staff.MANAGER.userId);

    // Another location's manager cannot see or redeliver it.
    await expectAppError(redeliverWebhook(other.ctx.MANAGER, { deliveryId: dead.id }), "NOT_FOUND");
    await expectAppError(listWebhookDeliveries(other.ctx.MANAGER, { webhookId: ep.id }), "NOT_FOUND");
  });

  it("two dispatchers at once never deliver one delivery twice (SKIP LOCKED)", async () => {
    await endpoint(["menu.changed"]);
    for (let i = 0; i < 12; i++) await setMenuItem86(loc.ctx.CHEF, { id: dishId, eightySixed: i % 2 === 0 });
    expect(await testDb().webhookDelivery.count()).toBe(12);
    for (let i = 0; i < 12; i++) receiver.reply({ delayMs: 30 });
    const [a, b] = await Promise.all([dispatchWebhooks({ batch: 8 }), dispatchWebhooks({ batch: 8 })]);
    const rest = await dispatchWebhooks();
    expect(a.claimed + b.claimed + rest.claimed).toBe(12);
    const ids = receiver.received.map((r) => r.headers["kitchen-delivery-id"]);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(await testDb().webhookDelivery.count({ where: { status: "SUCCEEDED", attempts: 1 } })).toBe(12);
  });

  it("a disabled endpoint's queued deliveries fail unsent; many failures in a row disable an endpoint", async () => {
    const { endpoint: ep } = await endpoint();
    await sendDish();
    await updateWebhookEndpoint(loc.ctx.MANAGER, { webhookId: ep.id, active: false });
    expect(await dispatchWebhooks()).toMatchObject({ failed: 1 });
    expect(receiver.received).toHaveLength(0);

    await updateWebhookEndpoint(loc.ctx.MANAGER, { webhookId: ep.id, active: true });
    await testDb().webhookEndpoint.update({
      where: { id: ep.id },
      data: { consecutiveFailures: DISABLE_AFTER_FAILURES - 1 },
    });
    await sendDish();
    await testDb().webhookDelivery.updateMany({ where: { status: "PENDING" }, data: { attempts: MAX_ATTEMPTS - 1 } });
    receiver.reply({ status: 410 });
    expect(await dispatchWebhooks()).toMatchObject({ failed: 1 });
    const after = await testDb().webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect(after.active).toBe(false);
    expect(after.disabledAt).not.toBeNull();
    await sendDish();
    expect(await testDb().webhookDelivery.count({ where: { status: "PENDING" } })).toBe(0);
    await expectAppError(sendTestWebhook(loc.ctx.MANAGER, { webhookId: ep.id }), "INVALID_STATE");
  });

  it("a test event pings one endpoint; a rotated secret signs the next delivery", async () => {
    const { endpoint: ep, secret } = await endpoint(["stock.low"]);
    await sendTestWebhook(loc.ctx.MANAGER, { webhookId: ep.id });
    const { secret: rotated } = await rotateWebhookSecret(loc.ctx.MANAGER, { webhookId: ep.id });
    expect(rotated).not.toBe(secret);
    await dispatchWebhooks();
    const hit = receiver.received[0];
    expect(JSON.parse(hit.body)).toMatchObject({ type: "ping", data: { webhookId: ep.id } });
    const header = hit.headers["kitchen-signature"] as string;
    expect(verifyWebhookSignature({ rawBody: hit.body, header, secret: rotated }).ok).toBe(true);
    expect(verifyWebhookSignature({ rawBody: hit.body, header, secret }).ok).toBe(false);
    const actions = await testDb().auditLog.findMany({ where: { entityId: ep.id }, select: { action: true } });
    expect(actions.map((a) => a.action).sort()).toEqual(["webhook.created", "webhook.secret_rotated"]);
    await deleteWebhookEndpoint(loc.ctx.MANAGER, { webhookId: ep.id });
    expect(await testDb().webhookDelivery.count()).toBe(0);
    expect(await testDb().auditLog.count({ where: { action: "webhook.deleted", entityId: ep.id } })).toBe(1);
  });
});

describe("/api/v1/webhooks", () => {
  const seg = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
  const req = (path: string, method: string, body?: unknown) =>
    new NextRequest(`http://localhost:3000${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const list = () => import("@/app/api/v1/webhooks/route");
  const item = () => import("@/app/api/v1/webhooks/[id]/route");
  const deliveries = () => import("@/app/api/v1/webhooks/[id]/deliveries/route");
  const redeliver = () => import("@/app/api/v1/webhooks/deliveries/[id]/redeliver/route");

  it("creates (201, secret once), lists without secrets, patches, lists deliveries, redelivers, deletes", async () => {
    state.ctx = loc.ctx.MANAGER;
    const { GET, POST } = await list();
    const created = await POST(req("/api/v1/webhooks", "POST", { url: receiver.url, events: ["order.sent"] }), seg());
    expect(created.status).toBe(201);
    const { endpoint: ep, secret } = await created.json();
    expect(secret).toMatch(/^whsec_/);
    const listed = await (await GET(req("/api/v1/webhooks", "GET"), seg())).json();
    expect(listed.webhooks).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(secret);

    const patched = await (
      await item()
    ).PATCH(
      req(`/api/v1/webhooks/${ep.id}`, "PATCH", { events: ["order.sent", "order.paid"], description: "POS bridge" }),
      seg({ id: ep.id }),
    );
    expect(patched.status).toBe(200);
    expect((await patched.json()).endpoint).toMatchObject({
      events: ["order.sent", "order.paid"],
      description: "POS bridge",
    });

    await sendDish();
    await dispatchWebhooks();
    const logRes = await (
      await deliveries()
    ).GET(req(`/api/v1/webhooks/${ep.id}/deliveries?limit=5`, "GET"), seg({ id: ep.id }));
    const log = (await logRes.json()).deliveries;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: "SUCCEEDED", eventType: "order.sent" });
    const again = await (
      await redeliver()
    ).POST(req(`/api/v1/webhooks/deliveries/${log[0].id}/redeliver`, "POST"), seg({ id: log[0].id }));
    expect(again.status).toBe(202);

    const gone = await (await item()).DELETE(req(`/api/v1/webhooks/${ep.id}`, "DELETE"), seg({ id: ep.id }));
    expect(gone.status).toBe(200);
    state.ctx = other.ctx.MANAGER;
    const missing = await (await item()).DELETE(req(`/api/v1/webhooks/${ep.id}`, "DELETE"), seg({ id: ep.id }));
    expect(missing.status).toBe(404);
  });

  it("refuses other roles (403) and bad input with field messages (400)", async () => {
    const { POST, GET } = await list();
    for (const role of ["SERVER", "CHEF", "CASHIER", "HOST"] as const) {
      state.ctx = loc.ctx[role];
      expect((await GET(req("/api/v1/webhooks", "GET"), seg())).status).toBe(403);
      const res = await POST(req("/api/v1/webhooks", "POST", { url: receiver.url, events: ["order.sent"] }), seg());
      expect(res.status).toBe(403);
    }
    state.ctx = loc.ctx.MANAGER;
    const bad = async (body: unknown) => {
      const res = await POST(req("/api/v1/webhooks", "POST", body), seg());
      expect(res.status).toBe(400);
      return (await res.json()).error.fieldErrors as Record<string, string[]>;
    };
    expect((await bad({ url: "not a url", events: ["order.sent"] })).url[0]).toMatch(/full URL/);
    expect((await bad({ url: "ftp://example.com/x", events: ["order.sent"] })).url[0]).toMatch(/http/);
    expect((await bad({ url: "https://u:p@example.com/x", events: ["order.sent"] })).url[0]).toMatch(/password/);
    expect((await bad({ url: receiver.url, events: [] })).events[0]).toMatch(/at least one/);
    expect(Object.keys(await bad({ url: receiver.url, events: ["order.eaten"] }))[0]).toMatch(/^events/);
    expect(await testDb().webhookEndpoint.count()).toBe(0);
  });
});
