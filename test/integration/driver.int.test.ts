// The driver app's use cases and routes on the real database: duty, own deliveries, pickup,
// delivered, failed, position, cash-up. The session and the limiter are stubbed for the routes.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { getDriverCashup, listDriverCashups, reconcileDriverCashup } from "@/lib/driver/driver-cashup";
import { listMyDeliveries } from "@/lib/driver/list-my-deliveries";
import { markDelivered } from "@/lib/driver/mark-delivered";
import { markFailed } from "@/lib/driver/mark-failed";
import { pickupRoute } from "@/lib/driver/pickup-route";
import { setDuty } from "@/lib/driver/set-duty";
import { sharePosition } from "@/lib/driver/share-position";
import { addStaff, buildLocation, type BuiltLocation, type StaffMember } from "./builders/location";
import { buildCustomer, buildDelivery, buildRoute, buildShift } from "./builders/driver-deliveries";
import { expectAppError, resetDb, testDb } from "./helpers";

const state = vi.hoisted(() => ({ ctx: null as Ctx | null, published: [] as { tokens: string[]; p: unknown }[] }));
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
vi.mock("@/lib/online/tracking-channel", async (original) => ({
  ...(await original<typeof import("@/lib/online/tracking-channel")>()),
  publishTrackingPosition: (_loc: string, tokens: string[], p: unknown) => state.published.push({ tokens, p }),
}));

let loc: BuiltLocation;
let other: BuiltLocation;
let driver: StaffMember;
let driver2: StaffMember;

beforeEach(async () => {
  await resetDb();
  loc = await buildLocation();
  other = await buildLocation();
  driver = loc.staff.DRIVER;
  driver2 = await addStaff(loc, "DRIVER", { name: "Second driver" });
  state.published = [];
});

function req(url: string, method: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = <T extends Record<string, string>>(params: T = {} as T) => ({ params: Promise.resolve(params) });

/** A driver on duty with one planned route of `n` ready COD orders. */
async function plannedRoute(d = driver, n = 2, spec: Parameters<typeof buildDelivery>[1] = {}) {
  await setDuty(d.ctx, { onDuty: true });
  const routeId = await buildRoute(loc.id, d.userId);
  const orders = [];
  for (let i = 0; i < n; i++)
    orders.push(await buildDelivery(loc.id, { driverId: d.userId, routeId, routeSeq: i + 1, ...spec }));
  return { routeId, orders };
}

describe("duty", () => {
  it("opens one shift even on a concurrent double tap, and closes it", async () => {
    const [a, b] = await Promise.all([setDuty(driver.ctx, { onDuty: true }), setDuty(driver.ctx, { onDuty: true })]);
    expect(a.onDuty && b.onDuty).toBe(true);
    expect(a.shiftId).toBe(b.shiftId);
    expect(await testDb().driverShift.count({ where: { driverId: driver.userId } })).toBe(1);
    const off = await setDuty(driver.ctx, { onDuty: false });
    expect(off.onDuty).toBe(false);
    const shift = await testDb().driverShift.findFirstOrThrow({ where: { driverId: driver.userId } });
    expect(shift.endedAt).not.toBeNull();
    expect(await testDb().auditLog.count({ where: { action: { startsWith: "driver.duty." } } })).toBe(2);
    // Off again is harmless; on again is a new shift.
    expect((await setDuty(driver.ctx, { onDuty: false })).onDuty).toBe(false);
    expect((await setDuty(driver.ctx, { onDuty: true })).shiftId).not.toBe(shift.id);
  });

  it("refuses going off duty with orders out for delivery", async () => {
    const { routeId } = await plannedRoute();
    await pickupRoute(driver.ctx, { routeId });
    const e = await expectAppError(setDuty(driver.ctx, { onDuty: false }), "INVALID_STATE");
    expect(e.message).toMatch(/2 orders out for delivery/);
  });

  it("is for drivers only (403 on the route) and validates the body (400)", async () => {
    const { POST } = await import("@/app/api/v1/delivery/drivers/me/duty/route");
    state.ctx = loc.ctx.SERVER;
    expect((await POST(req("/api/v1/delivery/drivers/me/duty", "POST", { onDuty: true }), seg())).status).toBe(403);
    state.ctx = driver.ctx;
    const bad = await POST(req("/api/v1/delivery/drivers/me/duty", "POST", { onDuty: "yes" }), seg());
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.onDuty).toBeDefined();
    expect((await POST(req("/api/v1/delivery/drivers/me/duty", "POST", { onDuty: true }), seg())).status).toBe(200);
  });
});

describe("my deliveries", () => {
  it("lists only the driver's own routes in route order with the decrypted address and cash to collect", async () => {
    const { routeId, orders } = await plannedRoute(driver, 2, { dueCents: 3150, paidCents: 150, changeForCents: 5000 });
    await plannedRoute(driver2, 1);
    // A damaged address row is read defensively.
    await buildDelivery(loc.id, { driverId: driver.userId, routeId, routeSeq: 3, addressEnc: "garbage" });
    const mine = await listMyDeliveries(driver.ctx);
    expect(mine.shift).not.toBeNull();
    expect(mine.routes).toHaveLength(1);
    const [r] = mine.routes;
    expect(r.id).toBe(routeId);
    expect(r.canPickUp).toBe(true);
    expect(r.orders.map((o) => o.orderNumber)).toEqual([orders[0].number, orders[1].number, expect.any(Number)]);
    expect(r.orders[0]).toMatchObject({
      address: { street: "12 River Road", unit: "Flat 3", notes: "Ring twice" },
      addressReadable: true,
      amountToCollectCents: 3000,
      changeForCents: 5000,
      customerFirstName: "Ada",
      status: "READY",
    });
    expect(r.orders[0].navigateUrl).toContain("destination=52.52%2C13.405");
    expect(r.orders[2].addressReadable).toBe(false);
    expect(mine.sharingPosition).toBe(false);
  });

  it("says a route cannot be picked up while an order is still in the kitchen", async () => {
    await setDuty(driver.ctx, { onDuty: true });
    const routeId = await buildRoute(loc.id, driver.userId);
    await buildDelivery(loc.id, { driverId: driver.userId, routeId, routeSeq: 1 });
    const late = await buildDelivery(loc.id, { driverId: driver.userId, routeId, routeSeq: 2, status: "IN_KITCHEN" });
    expect((await listMyDeliveries(driver.ctx)).routes[0].canPickUp).toBe(false);
    const e = await expectAppError(pickupRoute(driver.ctx, { routeId }), "INVALID_STATE");
    expect(e.message).toContain(`#${late.number}`);
    // Nothing moved.
    expect(await testDb().onlineOrder.count({ where: { status: "OUT_FOR_DELIVERY" } })).toBe(0);
  });
});

describe("pickup, delivered, failed", () => {
  it("picks up, delivers with cash, fails the other; the route is done and the customer counted", async () => {
    const customerId = await buildCustomer(loc.id);
    const { routeId, orders } = await plannedRoute(driver, 2, { customerId, dueCents: 2000 });
    const picked = await pickupRoute(driver.ctx, { routeId });
    expect(picked.status).toBe("OUT");
    const route = await testDb().deliveryRoute.findUniqueOrThrow({ where: { id: routeId } });
    expect(route.status).toBe("OUT");
    expect(route.startedAt).not.toBeNull();
    expect(route.shiftId).not.toBeNull();
    await expectAppError(pickupRoute(driver.ctx, { routeId }), "INVALID_STATE");

    const short = await expectAppError(
      markDelivered(driver.ctx, { orderId: orders[0].orderId, collectedCents: 1999 }),
      "VALIDATION",
    );
    expect(short.fieldErrors?.collectedCents).toBeDefined();
    await expectAppError(markDelivered(driver.ctx, { orderId: orders[0].orderId }), "VALIDATION");
    const done = await markDelivered(driver.ctx, { orderId: orders[0].orderId, collectedCents: 5000 });
    expect(done).toMatchObject({ status: "DELIVERED", collectedCents: 2000, changeCents: 3000, routeDone: false });
    await expectAppError(
      markDelivered(driver.ctx, { orderId: orders[0].orderId, collectedCents: 2000 }),
      "INVALID_STATE",
    );

    const failed = await markFailed(driver.ctx, { orderId: orders[1].orderId, reason: "REFUSED" });
    expect(failed).toMatchObject({ status: "FAILED", codFailure: true, routeDone: true });
    expect((await testDb().customer.findUniqueOrThrow({ where: { id: customerId } })).codFailures).toBe(1);
    expect((await testDb().deliveryRoute.findUniqueOrThrow({ where: { id: routeId } })).status).toBe("DONE");
    const rows = await testDb().onlineOrder.findMany({ where: { routeId }, orderBy: { routeSeq: "asc" } });
    expect(rows[0]).toMatchObject({ status: "DELIVERED", collectedCents: 2000 });
    expect(rows[0].deliveredAt).not.toBeNull();
    expect(rows[1]).toMatchObject({ status: "FAILED", failedReason: "REFUSED" });
    expect(await testDb().auditLog.count({ where: { action: { startsWith: "delivery." } } })).toBe(3);
  });

  it("does not count a wrong address or a card order against the customer; OTHER needs a note", async () => {
    const customerId = await buildCustomer(loc.id);
    const { routeId, orders } = await plannedRoute(driver, 2, { customerId, payment: "CARD_ON_DELIVERY" });
    await pickupRoute(driver.ctx, { routeId });
    await expectAppError(markFailed(driver.ctx, { orderId: orders[0].orderId, reason: "OTHER" }), "VALIDATION");
    await markFailed(driver.ctx, { orderId: orders[0].orderId, reason: "OTHER", note: "gate locked" });
    await markFailed(driver.ctx, { orderId: orders[1].orderId, reason: "NO_ANSWER" });
    expect((await testDb().customer.findUniqueOrThrow({ where: { id: customerId } })).codFailures).toBe(0);
    // Card at the door: the terminal's code and the card's last four, no cash.
    const card = await plannedRoute(driver, 1, { payment: "CARD_ON_DELIVERY" });
    await pickupRoute(driver.ctx, { routeId: card.routeId });
    const noCode = await expectAppError(markDelivered(driver.ctx, { orderId: card.orders[0].orderId }), "VALIDATION");
    expect(noCode.fieldErrors).toHaveProperty("reference");
    const paid = await markDelivered(driver.ctx, {
      orderId: card.orders[0].orderId,
      reference: "AP1",
      cardLast4: "4242",
    });
    expect(paid).toMatchObject({ tender: "CARD", paidCents: 2500, collectedCents: null });
  });

  it("refuses pickup off duty", async () => {
    const routeId = await buildRoute(loc.id, driver.userId);
    await buildDelivery(loc.id, { driverId: driver.userId, routeId, routeSeq: 1 });
    const e = await expectAppError(pickupRoute(driver.ctx, { routeId }), "INVALID_STATE");
    expect(e.message).toMatch(/on duty/);
  });

  it("answers 404 for another driver's route and orders, and another location's", async () => {
    const theirs = await plannedRoute(driver2, 1);
    await setDuty(driver.ctx, { onDuty: true });
    await expectAppError(pickupRoute(driver.ctx, { routeId: theirs.routeId }), "NOT_FOUND");
    await pickupRoute(driver2.ctx, { routeId: theirs.routeId });
    const id = theirs.orders[0].orderId;
    await expectAppError(markDelivered(driver.ctx, { orderId: id, collectedCents: 9999 }), "NOT_FOUND");
    await expectAppError(markFailed(driver.ctx, { orderId: id, reason: "REFUSED" }), "NOT_FOUND");
    const elsewhere = other.ctx.DRIVER;
    await expectAppError(markDelivered(elsewhere, { orderId: id, collectedCents: 9999 }), "NOT_FOUND");

    const { POST: delivered } = await import("@/app/api/v1/delivery/drivers/me/orders/[orderId]/delivered/route");
    const { POST: failed } = await import("@/app/api/v1/delivery/drivers/me/orders/[orderId]/failed/route");
    const { POST: pickup } = await import("@/app/api/v1/delivery/drivers/me/routes/[routeId]/pickup/route");
    state.ctx = driver.ctx;
    const url = `/api/v1/delivery/drivers/me/orders/${id}`;
    expect(
      (await delivered(req(url + "/delivered", "POST", { collectedCents: 9999 }), seg({ orderId: id }))).status,
    ).toBe(404);
    expect((await failed(req(url + "/failed", "POST", { reason: "REFUSED" }), seg({ orderId: id }))).status).toBe(404);
    expect((await failed(req(url + "/failed", "POST", { reason: "LOST" }), seg({ orderId: id }))).status).toBe(400);
    state.ctx = loc.ctx.MANAGER;
    expect((await failed(req(url + "/failed", "POST", { reason: "REFUSED" }), seg({ orderId: id }))).status).toBe(403);
    expect(
      (
        await pickup(
          req(`/api/v1/delivery/drivers/me/routes/${theirs.routeId}/pickup`, "POST"),
          seg({ routeId: theirs.routeId }),
        )
      ).status,
    ).toBe(403);
    // Still out, untouched.
    expect((await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: id } })).status).toBe("OUT_FOR_DELIVERY");
  });
});

describe("position", () => {
  it("is refused (409) while nothing is out for delivery", async () => {
    await plannedRoute();
    await expectAppError(sharePosition(driver.ctx, { lat: 52.5, lng: 13.4 }), "INVALID_STATE");
    const { POST } = await import("@/app/api/v1/delivery/drivers/me/position/route");
    state.ctx = driver.ctx;
    expect(
      (await POST(req("/api/v1/delivery/drivers/me/position", "POST", { lat: 52.5, lng: 13.4 }), seg())).status,
    ).toBe(409);
    expect(
      (await POST(req("/api/v1/delivery/drivers/me/position", "POST", { lat: 99, lng: 13.4 }), seg())).status,
    ).toBe(400);
    expect(state.published).toHaveLength(0);
  });

  it("is stored on the shift and sent to each order's tracking page with its ETA", async () => {
    const { routeId, orders } = await plannedRoute(driver, 2);
    await testDb().onlineOrder.update({ where: { orderId: orders[1].orderId }, data: { latitude: 52.53 } });
    await pickupRoute(driver.ctx, { routeId });
    const res = await sharePosition(driver.ctx, { lat: 52.5, lng: 13.405, accuracy: 8 });
    expect(res.shared).toBe(2);
    const shift = await testDb().driverShift.findFirstOrThrow({ where: { driverId: driver.userId, endedAt: null } });
    expect(shift).toMatchObject({ lastLatitude: 52.5, lastLongitude: 13.405 });
    expect(shift.lastPositionAt).not.toBeNull();
    expect(state.published.map((x) => x.tokens)).toEqual([[orders[0].trackingToken], [orders[1].trackingToken]]);
    const [first, second] = state.published.map((x) => x.p as { etaMinutes: number; lat: number });
    expect(first.lat).toBe(52.5);
    expect(first.etaMinutes).toBeGreaterThan(0);
    expect(second.etaMinutes).toBeGreaterThan(first.etaMinutes);
    expect((await listMyDeliveries(driver.ctx)).sharingPosition).toBe(true);
  });
});

describe("cash-up", () => {
  it("sums the shift's COD cash, reconciles with the variance, once", async () => {
    const { routeId, orders } = await plannedRoute(driver, 3, { dueCents: 1500 });
    await pickupRoute(driver.ctx, { routeId });
    await markDelivered(driver.ctx, { orderId: orders[0].orderId, collectedCents: 2000 });
    await markDelivered(driver.ctx, { orderId: orders[1].orderId, collectedCents: 1500 });
    const shiftId = (await listMyDeliveries(driver.ctx)).shift!.id;
    expect((await listMyDeliveries(driver.ctx)).shift!.cashToHandInCents).toBe(3000);

    const before = await getDriverCashup(loc.ctx.MANAGER, { id: driver.userId });
    expect(before).toMatchObject({ collectedCents: 3000, codOrders: 2, outForDelivery: 1, countedCents: null });
    expect(before.shift?.id).toBe(shiftId);
    const e = await expectAppError(
      reconcileDriverCashup(loc.ctx.MANAGER, { id: driver.userId, shiftId, countedCents: 3000 }),
      "INVALID_STATE",
    );
    expect(e.message).toMatch(/out for delivery/);

    await markFailed(driver.ctx, { orderId: orders[2].orderId, reason: "WRONG_ADDRESS" });
    await setDuty(driver.ctx, { onDuty: false });
    const done = await reconcileDriverCashup(loc.ctx.MANAGER, { id: driver.userId, shiftId, countedCents: 2900 });
    expect(done).toMatchObject({
      collectedCents: 3000,
      countedCents: 2900,
      varianceCents: -100,
      reconciledBy: "Test manager",
    });
    await expectAppError(
      reconcileDriverCashup(loc.ctx.MANAGER, { id: driver.userId, shiftId, countedCents: 3000 }),
      "INVALID_STATE",
    );
    expect((await listDriverCashups(loc.ctx.MANAGER)).map((c) => c.shift?.id)).toEqual([shiftId]);
    expect(await testDb().auditLog.count({ where: { action: "delivery.cashup.reconciled" } })).toBe(1);
  });

  it("does not count another shift's cash, and keeps other locations and roles out", async () => {
    const earlier = await buildShift(loc.id, driver.userId, {
      startedAt: new Date(Date.now() - 5 * 3600_000),
      endedAt: new Date(Date.now() - 4 * 3600_000),
    });
    await buildDelivery(loc.id, {
      driverId: driver.userId,
      status: "DELIVERED",
      deliveredAt: new Date(Date.now() - 4.5 * 3600_000),
      collectedCents: 1200,
      shiftId: earlier,
    });
    await buildDelivery(loc.id, {
      driverId: driver.userId,
      status: "DELIVERED",
      deliveredAt: new Date(Date.now() - 3600_000),
      collectedCents: 800,
    });
    expect((await getDriverCashup(loc.ctx.MANAGER, { id: driver.userId, shiftId: earlier })).collectedCents).toBe(1200);
    await expectAppError(getDriverCashup(other.ctx.MANAGER, { id: driver.userId, shiftId: earlier }), "NOT_FOUND");
    await expectAppError(
      reconcileDriverCashup(other.ctx.MANAGER, { id: driver.userId, shiftId: earlier, countedCents: 1 }),
      "NOT_FOUND",
    );
    await expectAppError(getDriverCashup(loc.ctx.DRIVER, { id: driver.userId }), "FORBIDDEN");
    const { GET, POST } = await import("@/app/api/v1/delivery/drivers/[id]/cashup/route");
    state.ctx = loc.ctx.SERVER;
    const url = `/api/v1/delivery/drivers/${driver.userId}/cashup`;
    expect((await GET(req(url, "GET"), seg({ id: driver.userId }))).status).toBe(403);
    state.ctx = loc.ctx.MANAGER;
    const got = await GET(req(`${url}?shiftId=${earlier}`, "GET"), seg({ id: driver.userId }));
    expect(got.status).toBe(200);
    expect((await got.json()).collectedCents).toBe(1200);
    const bad = await POST(req(url, "POST", { shiftId: earlier, countedCents: -5 }), seg({ id: driver.userId }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fieldErrors.countedCents).toBeDefined();
  });
});
