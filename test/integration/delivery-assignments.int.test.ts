// /api/v1/delivery/assignments and /drivers in process on the real database (the session is
// stubbed): the board's data, assignment in optimised stop order, every refusal, two dispatchers
// racing for one order, unassignment while the route is planned.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { defaultRoutePlanner } from "@/lib/delivery/optimise-route";
import { RESPONSE_SCHEMAS } from "@/lib/openapi/responses";
import { addStaff, buildLocation, type BuiltLocation, type StaffMember } from "./builders/location";
import { buildDriverShift, buildOnlineOrder } from "./builders/online-orders";
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

const published = vi.hoisted(() => [] as { channel: string; name: string; data: unknown }[]);
vi.mock("@/lib/realtime/publish", async (original) => {
  const real = await original<typeof import("@/lib/realtime/publish")>();
  return {
    ...real,
    publishBuilt: (build: () => { channel: string; name: string; data: unknown }[]) => {
      published.push(...build());
    },
  };
});

const listRoute = () => import("@/app/api/v1/delivery/assignments/route");
const itemRoute = () => import("@/app/api/v1/delivery/assignments/[orderId]/route");
const driversRoute = () => import("@/app/api/v1/delivery/drivers/route");

function req(url: string, method: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const seg = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
type ErrorBody = { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };

const KITCHEN = { lat: 40.7411, lng: -73.9897 };
/** `k` thousandths of a degree north of the kitchen (about 111 m each). */
const north = (k: number) => ({ lat: KITCHEN.lat + k * 0.001, lng: KITCHEN.lng });

async function assign(body: unknown) {
  const { POST } = await listRoute();
  return POST(req("/api/v1/delivery/assignments", "POST", body), seg());
}
async function unassign(orderId: string) {
  const { DELETE } = await itemRoute();
  return DELETE(req(`/api/v1/delivery/assignments/${orderId}`, "DELETE"), seg({ orderId }));
}

let loc: BuiltLocation;
let other: BuiltLocation;
let ann: StaffMember;
let bob: StaffMember;
beforeAll(async () => {
  await resetDb();
  loc = await buildLocation({ names: { DRIVER: "Dana" } });
  other = await buildLocation();
  await testDb().location.update({ where: { id: loc.id }, data: { latitude: KITCHEN.lat, longitude: KITCHEN.lng } });
  ann = await addStaff(loc, "DRIVER", { name: "Ann" });
  bob = await addStaff(loc, "DRIVER", { name: "Bob" });
  await buildDriverShift(loc.id, ann.userId, { position: north(1) });
  await buildDriverShift(loc.id, bob.userId);
});

describe("POST /api/v1/delivery/assignments", () => {
  it("creates a planned route on the driver's open shift, stops in optimised order, audited", async () => {
    state.ctx = loc.ctx.CHEF;
    // Greedy would go +1, −2, +4; the planner goes −2, +1, +4.
    const a = await buildOnlineOrder(loc.id, { position: north(10) });
    const b = await buildOnlineOrder(loc.id, { position: north(-20) });
    const c = await buildOnlineOrder(loc.id, { position: north(40), status: "IN_KITCHEN" });
    const res = await assign({ orderIds: [a.orderId, b.orderId, c.orderId], driverId: ann.userId });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { routeId: string; orderIds: string[]; totalMeters: number };
    expect(RESPONSE_SCHEMAS["POST /api/v1/delivery/assignments"].safeParse(body).error).toBeUndefined();
    expect(body.orderIds).toEqual([b.orderId, a.orderId, c.orderId]);
    const planned = defaultRoutePlanner.plan(KITCHEN, [
      { id: a.orderId, ...north(10) },
      { id: b.orderId, ...north(-20) },
      { id: c.orderId, ...north(40) },
    ]);
    expect(body.orderIds).toEqual(planned.stops.map((s) => s.id));

    const route = await testDb().deliveryRoute.findUniqueOrThrow({
      where: { id: body.routeId },
      include: { orders: { orderBy: { routeSeq: "asc" } }, shift: true },
    });
    expect(route.status).toBe("PLANNED");
    expect(route.driverId).toBe(ann.userId);
    expect(route.shift?.driverId).toBe(ann.userId);
    expect(route.shift?.endedAt).toBeNull();
    expect(route.orders.map((o) => [o.orderId, o.routeSeq, o.driverId])).toEqual([
      [b.orderId, 1, ann.userId],
      [a.orderId, 2, ann.userId],
      [c.orderId, 3, ann.userId],
    ]);
    expect(route.orders.every((o) => o.assignedAt instanceof Date)).toBe(true);
    const audit = await testDb().auditLog.findFirstOrThrow({
      where: { action: "delivery.assign", entityId: body.routeId },
    });
    expect(audit.actorId).toBe(loc.staff.CHEF.userId);
  });

  it("puts an address without coordinates last", async () => {
    state.ctx = loc.ctx.MANAGER;
    const noPos = await buildOnlineOrder(loc.id, { position: null });
    const near = await buildOnlineOrder(loc.id, { position: north(3) });
    const res = await assign({ orderIds: [noPos.orderId, near.orderId], driverId: bob.userId });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { orderIds: string[] }).orderIds).toEqual([near.orderId, noPos.orderId]);
  });

  it("refuses drivers who cannot take it", async () => {
    state.ctx = loc.ctx.MANAGER;
    published.length = 0;
    const order = await buildOnlineOrder(loc.id);
    const offDuty = await addStaff(loc, "DRIVER", { name: "Off" });
    const wentHome = await addStaff(loc, "DRIVER", { name: "Home" });
    await buildDriverShift(loc.id, wentHome.userId, { ended: true });
    const theirDriver = await addStaff(other, "DRIVER");
    await buildDriverShift(other.id, theirDriver.userId);

    const cases: [string, number, string][] = [
      [offDuty.userId, 409, "Not on duty"],
      [wentHome.userId, 409, "Not on duty"],
      [loc.staff.SERVER.userId, 409, "Not a driver"],
      [theirDriver.userId, 404, "No such driver here"],
      ["no-such-user", 404, "No such driver here"],
    ];
    for (const [driverId, status, message] of cases) {
      const res = await assign({ orderIds: [order.orderId], driverId });
      expect(res.status, driverId).toBe(status);
      expect(((await res.json()) as ErrorBody).error.fieldErrors?.driverId).toEqual([message]);
    }
    const row = await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: order.orderId } });
    expect([row.routeId, row.driverId, row.routeSeq]).toEqual([null, null, null]);
    expect(published).toEqual([]); // nothing committed, nothing published
  });

  it("refuses orders that cannot go: not delivery, wrong status, already assigned, another location's", async () => {
    state.ctx = loc.ctx.MANAGER;
    const ok = await buildOnlineOrder(loc.id);
    const pickup = await buildOnlineOrder(loc.id, { source: "PICKUP" });
    const received = await buildOnlineOrder(loc.id, { status: "RECEIVED" });
    const out = await buildOnlineOrder(loc.id, { status: "OUT_FOR_DELIVERY" });
    const delivered = await buildOnlineOrder(loc.id, { status: "DELIVERED" });
    const theirs = await buildOnlineOrder(other.id);
    const floor = (await testDb().order.create({ data: { locationId: loc.id, number: 9999 } })).id;
    const taken = await buildOnlineOrder(loc.id);
    expect((await assign({ orderIds: [taken.orderId], driverId: bob.userId })).status).toBe(201);

    const cases: [string[], number, string][] = [
      [[ok.orderId, pickup.orderId], 409, "INVALID_STATE"],
      [[ok.orderId, received.orderId], 409, "INVALID_STATE"],
      [[out.orderId], 409, "INVALID_STATE"],
      [[delivered.orderId], 409, "INVALID_STATE"],
      [[ok.orderId, taken.orderId], 409, "CONFLICT"],
      [[ok.orderId, theirs.orderId], 404, "NOT_FOUND"],
      [[floor], 404, "NOT_FOUND"],
    ];
    for (const [orderIds, status, code] of cases) {
      const res = await assign({ orderIds, driverId: ann.userId });
      expect(res.status, orderIds.join()).toBe(status);
      expect(((await res.json()) as ErrorBody).error.code).toBe(code);
    }
    const pickupRes = await assign({ orderIds: [pickup.orderId], driverId: ann.userId });
    expect(((await pickupRes.json()) as ErrorBody).error.fieldErrors?.orderIds?.[0]).toBe(
      `Not a delivery order: #${pickup.number}`,
    );

    for (const body of [
      { orderIds: [], driverId: ann.userId },
      { orderIds: [ok.orderId, ok.orderId], driverId: ann.userId },
      { orderIds: [ok.orderId] },
      { orderIds: ["bad id!"], driverId: ann.userId },
    ]) {
      expect((await assign(body)).status, JSON.stringify(body)).toBe(400);
    }
    const rows = await testDb().onlineOrder.findMany({
      where: { orderId: { in: [ok.orderId, theirs.orderId, pickup.orderId] } },
      select: { routeId: true },
    });
    expect(rows.every((r) => r.routeId === null)).toBe(true);
  });

  it("refuses the wrong role", async () => {
    const order = await buildOnlineOrder(loc.id);
    for (const role of ["SERVER", "HOST", "CASHIER", "DRIVER"] as const) {
      state.ctx = loc.ctx[role];
      expect((await assign({ orderIds: [order.orderId], driverId: ann.userId })).status, role).toBe(403);
      expect((await unassign(order.orderId)).status, role).toBe(403);
      const { GET } = await listRoute();
      expect((await GET(req("/api/v1/delivery/assignments", "GET"), seg())).status, role).toBe(403);
    }
  });

  it("lets only one of two simultaneous assignments of the same order win", async () => {
    state.ctx = loc.ctx.MANAGER;
    for (let round = 0; round < 3; round++) {
      const shared = await buildOnlineOrder(loc.id);
      const extra = await buildOnlineOrder(loc.id);
      const results = await Promise.all([
        assign({ orderIds: [shared.orderId, extra.orderId], driverId: ann.userId }),
        assign({ orderIds: [shared.orderId], driverId: bob.userId }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const routes = await testDb().deliveryRoute.findMany({
        where: { orders: { some: { orderId: shared.orderId } } },
      });
      expect(routes).toHaveLength(1);
      const row = await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: shared.orderId } });
      expect(row.driverId).toBe(routes[0].driverId);
    }
  });
});

describe("DELETE /api/v1/delivery/assignments/:orderId", () => {
  it("takes an order off a planned route, closes up the sequence, deletes an emptied route", async () => {
    state.ctx = loc.ctx.MANAGER;
    const a = await buildOnlineOrder(loc.id, { position: north(2) });
    const b = await buildOnlineOrder(loc.id, { position: north(4) });
    const { routeId } = (await (await assign({ orderIds: [a.orderId, b.orderId], driverId: bob.userId })).json()) as {
      routeId: string;
    };
    const first = await unassign(a.orderId);
    expect(first.status).toBe(200);
    const rowA = await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: a.orderId } });
    expect([rowA.routeId, rowA.routeSeq, rowA.driverId, rowA.assignedAt]).toEqual([null, null, null, null]);
    const rowB = await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: b.orderId } });
    expect([rowB.routeId, rowB.routeSeq]).toEqual([routeId, 1]);

    expect((await unassign(a.orderId)).status).toBe(409); // not assigned any more
    expect((await unassign(b.orderId)).status).toBe(200);
    expect(await testDb().deliveryRoute.findUnique({ where: { id: routeId } })).toBeNull();
    expect(
      await testDb().auditLog.count({
        where: { action: "delivery.unassign", entityId: { in: [a.orderId, b.orderId] } },
      }),
    ).toBe(2);
  });

  it("refuses once the driver has left, and another location's order", async () => {
    state.ctx = loc.ctx.MANAGER;
    const a = await buildOnlineOrder(loc.id);
    const { routeId } = (await (await assign({ orderIds: [a.orderId], driverId: ann.userId })).json()) as {
      routeId: string;
    };
    await testDb().deliveryRoute.update({ where: { id: routeId }, data: { status: "OUT", startedAt: new Date() } });
    const res = await unassign(a.orderId);
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/already left/);

    const theirs = await buildOnlineOrder(other.id);
    expect((await unassign(theirs.orderId)).status).toBe(404);
  });
});

describe("GET /api/v1/delivery/assignments and /drivers", () => {
  it("shows unassigned orders with suggestions, drivers with load and position, open routes", async () => {
    const fresh = await buildLocation();
    await testDb().location.update({
      where: { id: fresh.id },
      data: { latitude: KITCHEN.lat, longitude: KITCHEN.lng },
    });
    const cy = await addStaff(fresh, "DRIVER", { name: "Cy" });
    const di = await addStaff(fresh, "DRIVER", { name: "Di" });
    await addStaff(fresh, "DRIVER", { name: "Ed" }); // not on duty
    await buildDriverShift(fresh.id, cy.userId, { position: north(5), positionAt: new Date(Date.now() - 90_000) });
    await buildDriverShift(fresh.id, di.userId);
    const soon = new Date(Date.now() + 20 * 60_000);
    const r1 = await buildOnlineOrder(fresh.id, { position: north(3), promisedAt: soon, firstName: "Ivy", items: 3 });
    const r2 = await buildOnlineOrder(fresh.id, { position: north(4), promisedAt: new Date(soon.getTime() + 60_000) });
    const cooking = await buildOnlineOrder(fresh.id, { status: "IN_KITCHEN", position: north(-30) });
    const away = await buildOnlineOrder(fresh.id, {
      position: north(-30),
      promisedAt: new Date(soon.getTime() + 2 * 60_000),
    });
    await buildOnlineOrder(fresh.id, { source: "PICKUP" });
    await buildOnlineOrder(fresh.id, { status: "RECEIVED" });
    const theirs = await buildOnlineOrder(other.id);

    state.ctx = fresh.ctx.MANAGER;
    // Di gets a route first, so Cy (now less loaded) is suggested for the next batch.
    const routed = await buildOnlineOrder(fresh.id, { position: north(1) });
    expect((await assign({ orderIds: [routed.orderId], driverId: di.userId })).status).toBe(201);

    state.ctx = fresh.ctx.CHEF;
    const { GET } = await listRoute();
    const res = await GET(req("/api/v1/delivery/assignments", "GET"), seg());
    expect(res.status).toBe(200);
    const board = (await res.json()) as {
      kitchen: { lat: number; lng: number };
      orders: {
        orderId: string;
        number: number;
        firstName: string;
        itemCount: number;
        status: string;
        suggestedDriverId: string;
      }[];
      batches: { orderIds: string[]; driverId: string | null; driverName: string | null }[];
      drivers: { driverId: string; name: string; load: number; positionAgeSeconds: number | null }[];
      routes: { driverName: string; stops: { orderId: string; seq: number }[] }[];
    };
    expect(RESPONSE_SCHEMAS["GET /api/v1/delivery/assignments"].safeParse(board).error).toBeUndefined();
    expect(board.kitchen).toEqual(KITCHEN);
    expect(board.orders.map((o) => o.orderId).sort()).toEqual(
      [r1.orderId, r2.orderId, cooking.orderId, away.orderId].sort(),
    );
    expect(board.orders.map((o) => o.orderId)).not.toContain(theirs.orderId);
    const ivy = board.orders.find((o) => o.orderId === r1.orderId)!;
    expect([ivy.firstName, ivy.itemCount, ivy.status]).toEqual(["Ivy", 3, "READY"]);
    expect(JSON.stringify(board)).not.toMatch(/addressEnc|phone/);

    expect(board.batches.map((b) => b.orderIds)).toEqual([[r1.orderId, r2.orderId], [away.orderId]]);
    expect(board.batches[0]).toMatchObject({ driverId: cy.userId, driverName: "Cy" });
    // Cy now carries the first batch in the suggestion's tally: Di (1 order) is next.
    expect(board.batches[1].driverId).toBe(di.userId);
    expect(ivy.suggestedDriverId).toBe(cy.userId);

    const byName = Object.fromEntries(board.drivers.map((d) => [d.name, d]));
    expect(Object.keys(byName).sort()).toEqual(["Cy", "Di"]);
    expect(byName.Di.load).toBe(1);
    expect(byName.Cy.load).toBe(0);
    expect(byName.Cy.positionAgeSeconds).toBeGreaterThanOrEqual(89);
    expect(byName.Di.positionAgeSeconds).toBeNull();
    expect(board.routes).toHaveLength(1);
    expect(board.routes[0].driverName).toBe("Di");
    expect(board.routes[0].stops.map((s) => [s.orderId, s.seq])).toEqual([[routed.orderId, 1]]);

    const { GET: drivers } = await driversRoute();
    const list = (await (await drivers(req("/api/v1/delivery/drivers", "GET"), seg())).json()) as {
      drivers: { name: string; onDuty: boolean; load: number }[];
    };
    expect(list.drivers.map((d) => [d.name, d.onDuty, d.load])).toEqual([
      ["Cy", true, 0],
      ["Di", true, 1],
      ["Ed", false, 0],
      ["Test driver", false, 0], // the builder's own DRIVER
    ]);
  });
});
