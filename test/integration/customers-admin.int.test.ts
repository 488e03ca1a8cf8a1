// The console's customer routes (/api/v1/customers…) in process on the real database, the staff
// session stubbed: search by phone (blind index) and first name, blocks by customer and by phone
// (audited, lifted, expiring), what a block allows under each policy, the block suggestion after
// COD failures, GDPR export and erase, a SERVER's 403 and another location's ids.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { customerPhoneHash, encodeAddressSnapshot } from "@/lib/customers/customer-contact";
import { onlineAllowanceFor } from "@/lib/customers/customer-block-policy";
import { recordCodFailure } from "@/lib/customers/record-cod-failure";
import { updateCustomerSettings } from "@/lib/customers/update-customer-settings";
import { resolveCustomer } from "@/lib/customers/customer-session";
import { DEMO_ADDRESS_INSIDE } from "@/prisma/demo-delivery";
import { buildCustomer, enableOnlineOrdering, testPhone } from "./builders/customers";
import { buildLocation, type BuiltLocation } from "./builders/location";
import { buildCategory, buildMenuItem } from "./builders/menu";
import { buildOnlineOrder } from "./builders/online-orders";
import { expectAppError, resetDb, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null }));
vi.mock("@/lib/auth/session", () => ({
  currentCtx: async () => state.ctx,
  requireUser: async () => state.ctx,
}));
vi.mock("@/lib/ops/rate-limit", async (original) => ({
  ...(await original<typeof import("@/lib/ops/rate-limit")>()),
  limiter: () => ({
    policy: { name: "test", quota: 1, windowSeconds: 1 },
    limit: async () => ({ success: true, remaining: 1000, reset: 0 }),
  }),
}));

const listRoute = () => import("@/app/api/v1/customers/route");
const oneRoute = () => import("@/app/api/v1/customers/[id]/route");
const blockRoute = () => import("@/app/api/v1/customers/[id]/block/route");
const phoneBlockRoute = () => import("@/app/api/v1/customers/blocks/route");
const exportRoute = () => import("@/app/api/v1/customers/[id]/export/route");
const eraseRoute = () => import("@/app/api/v1/customers/[id]/erase/route");

let loc: BuiltLocation;
let other: BuiltLocation;

function req(url: string, method: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });

async function search(q = "", extra = "") {
  const { GET } = await listRoute();
  return GET(req(`/api/v1/customers?q=${encodeURIComponent(q)}${extra}`, "GET"), seg());
}
async function block(id: string, body: unknown) {
  const { POST } = await blockRoute();
  return POST(req(`/api/v1/customers/${id}/block`, "POST", body), seg({ id }));
}
async function lift(id: string) {
  const { DELETE } = await blockRoute();
  return DELETE(req(`/api/v1/customers/${id}/block`, "DELETE"), seg({ id }));
}
const allowance = (c: { id: string; phone: string }, locationId = loc.id) =>
  onlineAllowanceFor(testDb(), locationId, { customerId: c.id, phoneHash: customerPhoneHash(c.phone) });

beforeAll(async () => {
  await resetDb();
  loc = await buildLocation();
  await enableOnlineOrdering(loc.id);
  other = await buildLocation();
  await enableOnlineOrdering(other.id);
});

describe("GET /api/v1/customers", () => {
  it("finds a customer by phone (any format) or first name, masked", async () => {
    state.ctx = loc.ctx.MANAGER;
    const c = await buildCustomer(loc.id, { firstName: "Marguerite", phone: "+12075557001" });
    await buildCustomer(loc.id, { firstName: "Bob" });
    await buildCustomer(other.id, { firstName: "Marguerite", phone: "+12075557001" });
    const byPhone = await (await search("(207) 555-7001")).json();
    expect(byPhone.customers.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(byPhone.customers[0]).toMatchObject({
      firstName: "Marguerite",
      phone: "+1 ••• ••• 7001",
      activeBlock: null,
    });
    expect(JSON.stringify(byPhone)).not.toContain("5557001");
    const byName = await (await search("margu")).json();
    expect(byName.customers.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(byName.settings).toEqual({ blockPolicy: "PREPAID_PICKUP_ONLY", codFailuresBeforeBlockSuggestion: 2 });
  });

  it("is refused to a SERVER (403) and another location's customer is 404", async () => {
    state.ctx = loc.ctx.SERVER;
    expect((await search()).status).toBe(403);
    const c = await buildCustomer(loc.id);
    expect((await block(c.id, { reason: "Rude" })).status).toBe(403);
    const { GET } = await exportRoute();
    expect((await GET(req(`/api/v1/customers/${c.id}/export`, "GET"), seg({ id: c.id }))).status).toBe(403);

    state.ctx = other.ctx.MANAGER;
    const one = await oneRoute();
    expect((await one.GET(req(`/api/v1/customers/${c.id}`, "GET"), seg({ id: c.id }))).status).toBe(404);
    expect((await block(c.id, { reason: "Not mine" })).status).toBe(404);
    expect((await lift(c.id)).status).toBe(404);
    expect((await GET(req(`/api/v1/customers/${c.id}/export`, "GET"), seg({ id: c.id }))).status).toBe(404);
  });

  it("suggests a block from the location's COD-failure threshold on, and not once blocked", async () => {
    state.ctx = loc.ctx.MANAGER;
    const c = await buildCustomer(loc.id, { firstName: "Flaky" });
    await recordCodFailure(testDb(), c.id);
    expect((await (await search("Flaky")).json()).customers[0]).toMatchObject({
      codFailures: 1,
      blockSuggested: false,
    });
    expect(await recordCodFailure(testDb(), c.id)).toEqual({ codFailures: 2 });
    expect((await (await search("Flaky")).json()).customers[0].blockSuggested).toBe(true);
    const suggested = await (await search("", "&suggested=true")).json();
    expect(suggested.customers.map((x: { id: string }) => x.id)).toContain(c.id);
    await updateCustomerSettings(loc.ctx.MANAGER, {
      blockPolicy: "PREPAID_PICKUP_ONLY",
      codFailuresBeforeBlockSuggestion: 3,
    });
    expect((await (await search("Flaky")).json()).customers[0].blockSuggested).toBe(false);
    await updateCustomerSettings(loc.ctx.MANAGER, {
      blockPolicy: "PREPAID_PICKUP_ONLY",
      codFailuresBeforeBlockSuggestion: 2,
    });
    expect((await block(c.id, { reason: "Two refused COD orders" })).status).toBe(201);
    expect((await (await search("Flaky")).json()).customers[0]).toMatchObject({
      blockSuggested: false,
      activeBlock: { reason: "Two refused COD orders" },
    });
    await expectAppError(
      updateCustomerSettings(loc.ctx.SERVER, { blockPolicy: "REFUSE", codFailuresBeforeBlockSuggestion: 2 }),
      "FORBIDDEN",
    );
  });
});

describe("blocks", () => {
  it("blocks and lifts a customer, each audited; a second block while active is a conflict", async () => {
    state.ctx = loc.ctx.MANAGER;
    const c = await buildCustomer(loc.id);
    expect(await allowance(c)).toEqual({ allowed: "ALL" });
    const res = await block(c.id, { reason: "Abusive to the driver" });
    expect(res.status).toBe(201);
    const made = await res.json();
    expect(made).toMatchObject({ reason: "Abusive to the driver", until: null });
    expect(
      await testDb().auditLog.count({
        where: { action: "customer.block", entityId: made.id, actorId: loc.ctx.MANAGER.userId },
      }),
    ).toBe(1);
    expect(await allowance(c)).toMatchObject({ allowed: "PREPAID_PICKUP_ONLY", blockId: made.id });
    expect((await block(c.id, { reason: "Again" })).status).toBe(409);

    const lifted = await lift(c.id);
    expect(lifted.status).toBe(200);
    expect(await lifted.json()).toEqual({ customerId: c.id, lifted: 1 });
    expect(await testDb().auditLog.count({ where: { action: "customer.unblock", entityId: made.id } })).toBe(1);
    expect(await allowance(c)).toEqual({ allowed: "ALL" });
    expect((await lift(c.id)).status).toBe(404);

    const one = await oneRoute();
    const detail = await (await one.GET(req(`/api/v1/customers/${c.id}`, "GET"), seg({ id: c.id }))).json();
    expect(detail.blocks).toHaveLength(1);
    expect(detail.blocks[0].liftedAt).not.toBeNull();
    expect(detail.activeBlock).toBeNull();
  });

  it("answers REFUSE's policy with NONE", async () => {
    const l = await buildLocation();
    await testDb().location.update({ where: { id: l.id }, data: { blockPolicy: "REFUSE", onlineOrdering: true } });
    state.ctx = l.ctx.MANAGER;
    const c = await buildCustomer(l.id);
    await block(c.id, { reason: "Fraud" });
    expect(await allowance(c, l.id)).toMatchObject({ allowed: "NONE", reason: "Fraud" });
  });

  it("a block with an end stops counting once it has passed; an end in the past is refused", async () => {
    state.ctx = loc.ctx.MANAGER;
    const c = await buildCustomer(loc.id);
    const past = await block(c.id, { reason: "Late", until: "2020-01-01T00:00:00Z" });
    expect(past.status).toBe(400);
    expect((await past.json()).error.fieldErrors.until).toBeDefined();
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const made = await (await block(c.id, { reason: "Cool off", until })).json();
    expect(await allowance(c)).toMatchObject({ allowed: "PREPAID_PICKUP_ONLY" });
    await testDb().customerBlock.update({ where: { id: made.id }, data: { until: new Date(Date.now() - 1000) } });
    expect(await allowance(c)).toEqual({ allowed: "ALL" });
    expect((await (await search(c.phone)).json()).customers[0].activeBlock).toBeNull();
  });

  it("blocks a phone that is no customer yet; the customer it becomes is blocked and listed so", async () => {
    state.ctx = loc.ctx.MANAGER;
    const phone = testPhone();
    const { POST } = await phoneBlockRoute();
    const res = await POST(req("/api/v1/customers/blocks", "POST", { phone, reason: "Prank orders" }), seg());
    expect(res.status).toBe(201);
    const row = await testDb().customerBlock.findFirstOrThrow({ where: { phoneHash: customerPhoneHash(phone) } });
    expect(row.customerId).toBeNull();
    expect(await testDb().auditLog.count({ where: { action: "customer.block", entityId: row.id } })).toBe(1);
    const c = await buildCustomer(loc.id, { phone });
    expect(await allowance(c)).toMatchObject({ allowed: "PREPAID_PICKUP_ONLY", blockId: row.id });
    expect((await (await search(phone)).json()).customers[0].activeBlock).toMatchObject({ reason: "Prank orders" });
    // Lifting the customer's block lifts the phone's.
    expect((await lift(c.id)).status).toBe(200);
    expect(await allowance(c)).toEqual({ allowed: "ALL" });
    const bad = await POST(req("/api/v1/customers/blocks", "POST", { phone: "12", reason: "x" }), seg());
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fieldErrors).sort()).toEqual(["phone", "reason"]);
  });
});

describe("GDPR", () => {
  it("exports everything about a customer, decrypted, and audits it", async () => {
    state.ctx = loc.ctx.MANAGER;
    const c = await buildCustomer(loc.id, { firstName: "Export" });
    const { POST } = await import("@/app/api/public/addresses/route");
    const { CUSTOMER_COOKIE } = await import("@/lib/customers/customer-cookie");
    await POST(
      new NextRequest("http://localhost:3000/api/public/addresses", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: `${CUSTOMER_COOKIE}=${c.cookie}` },
        body: JSON.stringify({
          street: "5 Export Lane",
          latitude: DEMO_ADDRESS_INSIDE.lat,
          longitude: DEMO_ADDRESS_INSIDE.lng,
        }),
      }),
      seg(),
    );
    await block(c.id, { reason: "Testing export" });
    const { GET } = await exportRoute();
    const res = await GET(req(`/api/v1/customers/${c.id}/export`, "GET"), seg({ id: c.id }));
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.customer).toMatchObject({ id: c.id, firstName: "Export", phone: c.phone });
    expect(data.addresses).toEqual([expect.objectContaining({ street: "5 Export Lane" })]);
    expect(data.blocks).toEqual([expect.objectContaining({ reason: "Testing export" })]);
    expect(data.sessions).toHaveLength(1);
    expect(await testDb().auditLog.count({ where: { action: "customer.export", entityId: c.id } })).toBe(1);
  });

  it("erases names, phone, addresses and order snapshots, revokes sessions, keeps the orders", async () => {
    state.ctx = loc.ctx.MANAGER;
    const c = await buildCustomer(loc.id, { firstName: "Erase" });
    const addr = await testDb().customerAddress.create({
      data: {
        customerId: c.id,
        streetEnc: encodeAddressSnapshot({ street: "x", unit: null, notes: null }),
        latitude: 1,
        longitude: 1,
      },
    });
    const order = await testDb().order.create({
      data: { locationId: loc.id, number: 9001, source: "DELIVERY", totalCents: 2500, notes: "Ring Maria, flat 3" },
    });
    const dish = await buildMenuItem(loc.id, { categoryId: (await buildCategory(loc.id)).id, name: "Pad thai" });
    await testDb().orderItem.create({
      data: {
        orderId: order.id,
        locationId: loc.id,
        menuItemId: dish.id,
        name: "Pad thai",
        unitPriceCents: 1200,
        notes: "No peanuts, allergic",
      },
    });
    await testDb().onlineOrder.create({
      data: {
        orderId: order.id,
        locationId: loc.id,
        customerId: c.id,
        trackingToken: `t-${c.id}`,
        status: "DELIVERED",
        payment: "CASH_ON_DELIVERY",
        customerFirstName: "Erase",
        addressId: addr.id,
        addressEnc: encodeAddressSnapshot({ street: "9 Secret St", unit: null, notes: "gate code 1234" }),
        latitude: 40.74,
        longitude: -73.98,
        promisedAt: new Date(),
        fireAt: new Date(),
        idempotencyKey: "k1",
      },
    });
    const { POST } = await eraseRoute();
    const missing = await POST(req(`/api/v1/customers/${c.id}/erase`, "POST", { reason: "asked" }), seg({ id: c.id }));
    expect(missing.status).toBe(400);
    const res = await POST(
      req(`/api/v1/customers/${c.id}/erase`, "POST", { confirm: "ERASE", reason: "Customer asked by email" }),
      seg({ id: c.id }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: c.id, ordersKept: 1, addressesRemoved: 1 });

    const row = await testDb().customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ firstName: "", phoneEnc: null, phoneHash: null, emailEnc: null });
    expect(row.erasedAt).not.toBeNull();
    expect(await testDb().customerAddress.count({ where: { customerId: c.id } })).toBe(0);
    const kept = await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: order.id } });
    expect(kept).toMatchObject({ customerId: c.id, addressEnc: null, latitude: null, customerFirstName: "" });
    expect(await testDb().order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      notes: "",
      totalCents: 2500,
    });
    expect(await testDb().orderItem.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      name: "Pad thai",
      notes: "",
    });
    await expectAppError(resolveCustomer(c.cookie, { requestId: "r" }), "CUSTOMER_SESSION_REQUIRED");
    expect(await testDb().customerSession.count({ where: { customerId: c.id, revokedAt: null } })).toBe(0);
    const audit = await testDb().auditLog.findFirstOrThrow({ where: { action: "customer.erase", entityId: c.id } });
    expect(JSON.stringify(audit.details)).not.toContain(c.phone);

    const twice = await POST(
      req(`/api/v1/customers/${c.id}/erase`, "POST", { confirm: "ERASE", reason: "again please" }),
      seg({ id: c.id }),
    );
    expect(twice.status).toBe(409);
    // An erased customer can no longer be blocked by id (their phone is gone).
    expect((await block(c.id, { reason: "After erase" })).status).toBe(409);
  });

  it("refuses the erase while an order of theirs is still on its way (the driver needs the address)", async () => {
    state.ctx = loc.ctx.MANAGER;
    const c = await buildCustomer(loc.id, { firstName: "Busy" });
    const snapshot = encodeAddressSnapshot({ street: "3 Open Rd", unit: null, notes: null });
    const { orderId, number } = await buildOnlineOrder(loc.id, { status: "OUT_FOR_DELIVERY", firstName: "Busy" });
    await testDb().onlineOrder.update({ where: { orderId }, data: { customerId: c.id, addressEnc: snapshot } });
    const { POST } = await eraseRoute();
    const erase = () =>
      POST(
        req(`/api/v1/customers/${c.id}/erase`, "POST", { confirm: "ERASE", reason: "Customer asked" }),
        seg({ id: c.id }),
      );
    const refused = await erase();
    expect(refused.status).toBe(409);
    const body = await refused.json();
    expect(body.error.code).toBe("INVALID_STATE");
    expect(body.error.message).toContain(`#${number} is "Out for delivery"`);
    // Nothing changed: the driver still has the address and the name.
    expect(await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId } })).toMatchObject({
      addressEnc: snapshot,
      customerFirstName: "Busy",
    });
    const still = await testDb().customer.findUniqueOrThrow({ where: { id: c.id } });
    expect(still).toMatchObject({ firstName: "Busy", erasedAt: null });
    expect(still.phoneEnc).not.toBeNull();
    expect(await testDb().auditLog.count({ where: { action: "customer.erase", entityId: c.id } })).toBe(0);

    // Every step before the door counts as open too; once it is delivered, the erase goes through.
    for (const status of ["RECEIVED", "IN_KITCHEN", "READY"] as const) {
      await testDb().onlineOrder.update({ where: { orderId }, data: { status } });
      expect((await erase()).status).toBe(409);
    }
    await testDb().onlineOrder.update({ where: { orderId }, data: { status: "DELIVERED" } });
    expect((await erase()).status).toBe(200);
    expect((await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId } })).addressEnc).toBeNull();
  });

  it("exports each order's lines with the customer's notes", async () => {
    state.ctx = loc.ctx.MANAGER;
    const c = await buildCustomer(loc.id, { firstName: "Lines" });
    const { orderId } = await buildOnlineOrder(loc.id, { status: "DELIVERED", items: 1 });
    await testDb().onlineOrder.update({ where: { orderId }, data: { customerId: c.id } });
    await testDb().orderItem.updateMany({ where: { orderId }, data: { notes: "Extra spicy" } });
    const { GET } = await exportRoute();
    const data = await (await GET(req(`/api/v1/customers/${c.id}/export`, "GET"), seg({ id: c.id }))).json();
    expect(data.onlineOrders).toEqual([
      expect.objectContaining({
        items: [expect.objectContaining({ name: "Dish 1", quantity: 1, notes: "Extra spicy" })],
      }),
    ]);
  });
});
