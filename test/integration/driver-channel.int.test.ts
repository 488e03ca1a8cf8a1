// A driver's own realtime channel (issue 16): POST /api/realtime/auth lets a driver join only
// their own channel, and the delivery use cases publish to it after commit (assigned, unassigned,
// an order of theirs ready or cancelled) with ids only. Real database; publishes are recorded and
// also sent to a real realtime server, where a pusher-js client authorised by the route hears them.
import { createHmac } from "node:crypto";
import { NextRequest } from "next/server";
import PusherClient, { type Channel } from "pusher-js";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Ctx } from "@/lib/auth/context";
import { assignDelivery } from "@/lib/delivery/assign-delivery";
import { unassignDelivery } from "@/lib/delivery/unassign-delivery";
import { markTicketReady } from "@/lib/kitchen/mark-ticket-ready";
import { cancelOnlineOrder } from "@/lib/online/cancel-online-order";
import { flushPublishes } from "@/lib/realtime/publish";
import { DRIVER_EVENTS, driverChannel } from "@/lib/realtime/events";
import { startRealtimeServer, type RealtimeServer } from "@/realtime-server/server";
import { addStaff, buildLocation, type BuiltLocation, type StaffMember } from "./builders/location";
import { buildDriverShift, buildOnlineOrder } from "./builders/online-orders";
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
type Msg = { channel: string; name: string; data: unknown };
const published = vi.hoisted(() => [] as Msg[]);
vi.mock("@/lib/realtime/publish", async (original) => {
  const real = await original<typeof import("@/lib/realtime/publish")>();
  return {
    ...real,
    // Recorded, and still sent for real (the socket test below listens on the real server).
    publishBuilt: (build: () => Msg[], context: { locationId: string }) => {
      published.push(...build());
      real.publishBuilt(build, context);
    },
  };
});

const APP = { id: "driver-channel-test", key: "driver-channel-key", secret: "driver-channel-secret" };
let realtime: RealtimeServer;
const sockets: PusherClient[] = [];

let loc: BuiltLocation;
let other: BuiltLocation;
let dana: StaffMember;
let bob: StaffMember;

beforeAll(async () => {
  realtime = await startRealtimeServer({ apps: [APP], port: 0, host: "127.0.0.1" });
  // Before anything reads lib/env.ts (it caches): the app's SDK talks to this server.
  Object.assign(process.env, {
    PUSHER_APP_ID: APP.id,
    PUSHER_KEY: APP.key,
    PUSHER_SECRET: APP.secret,
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(realtime.port),
    PUSHER_USE_TLS: "false",
  });
  await resetDb();
  loc = await buildLocation();
  other = await buildLocation();
  dana = loc.staff.DRIVER;
  bob = await addStaff(loc, "DRIVER", { name: "Bob" });
  await buildDriverShift(loc.id, dana.userId);
  await buildDriverShift(loc.id, bob.userId);
});
afterAll(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await realtime.close();
});
beforeEach(() => {
  published.length = 0;
});

async function authorize(ctx: Ctx, channelName: string, socketId = "123.456") {
  state.ctx = ctx;
  const { POST } = await import("@/app/api/realtime/auth/route");
  return POST(
    new NextRequest("http://localhost:3000/api/realtime/auth", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ socket_id: socketId, channel_name: channelName }).toString(),
    }),
    { params: Promise.resolve({}) },
  );
}

const toDriver = (driver: StaffMember) => published.filter((m) => m.channel === driverChannel(loc.id, driver.userId));

describe("POST /api/realtime/auth for a driver's channel", () => {
  it("signs the driver's own channel", async () => {
    const channel = driverChannel(loc.id, dana.userId);
    const res = await authorize(dana.ctx, channel);
    expect(res.status).toBe(200);
    const { auth } = (await res.json()) as { auth: string };
    const mac = createHmac("sha256", APP.secret).update(`123.456:${channel}`).digest("hex");
    expect(auth).toBe(`${APP.key}:${mac}`);
  });

  it("refuses another driver, a dispatcher or manager, and another location (403, never 500)", async () => {
    const danas = driverChannel(loc.id, dana.userId);
    for (const ctx of [bob.ctx, loc.ctx.CHEF, loc.ctx.MANAGER, loc.ctx.ADMIN, loc.ctx.SERVER, other.ctx.DRIVER]) {
      const res = await authorize(ctx, danas);
      expect(res.status, ctx.role).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    }
    // Dana's id at another location's channel, and a manager under their own id: no.
    expect((await authorize(dana.ctx, driverChannel(other.id, dana.userId))).status).toBe(403);
    expect((await authorize(loc.ctx.MANAGER, driverChannel(loc.id, loc.ctx.MANAGER.userId))).status).toBe(403);
    // Drivers still get neither the floor nor the kitchen channel.
    expect((await authorize(dana.ctx, `private-loc-${loc.id}-floor`)).status).toBe(403);
    expect((await authorize(dana.ctx, `private-loc-${loc.id}-kitchen`)).status).toBe(403);
    expect((await authorize(dana.ctx, driverChannel(loc.id, dana.userId), "nope")).status).toBe(400);
  });
});

describe("publishing to the driver's channel", () => {
  it("assigning tells that driver only, with ids and no personal data; unassigning too", async () => {
    const a = await buildOnlineOrder(loc.id, { firstName: "Zelda" });
    const b = await buildOnlineOrder(loc.id, { firstName: "Zelda" });
    const { routeId } = await assignDelivery(loc.ctx.CHEF, { orderIds: [a.orderId, b.orderId], driverId: dana.userId });
    expect(toDriver(dana)).toEqual([
      {
        channel: driverChannel(loc.id, dana.userId),
        name: DRIVER_EVENTS.changed,
        data: { what: "assigned", routeId, orderIds: expect.arrayContaining([a.orderId, b.orderId]) },
      },
    ]);
    expect(toDriver(bob)).toEqual([]);
    expect(JSON.stringify(toDriver(dana))).not.toMatch(/Zelda|lat|phone|address/i);

    published.length = 0;
    await unassignDelivery(loc.ctx.CHEF, { orderId: a.orderId });
    expect(toDriver(dana).map((m) => m.data)).toEqual([{ what: "unassigned", routeId, orderIds: [a.orderId] }]);
  });

  it("a refused assignment publishes nothing to the driver", async () => {
    const a = await buildOnlineOrder(loc.id, { status: "RECEIVED" });
    await expectAppError(
      assignDelivery(loc.ctx.CHEF, { orderIds: [a.orderId], driverId: dana.userId }),
      "INVALID_STATE",
    );
    await expectAppError(assignDelivery(loc.ctx.SERVER, { orderIds: [a.orderId], driverId: dana.userId }), "FORBIDDEN");
    expect(toDriver(dana)).toEqual([]);
  });

  it("the kitchen's pass (READY) and a manager's cancel reach the assigned driver", async () => {
    const a = await buildOnlineOrder(loc.id, { status: "IN_KITCHEN" });
    const b = await buildOnlineOrder(loc.id, { status: "IN_KITCHEN" });
    await assignDelivery(loc.ctx.CHEF, { orderIds: [a.orderId, b.orderId], driverId: dana.userId });
    await testDb().orderItem.updateMany({
      where: { orderId: a.orderId },
      data: { fireBatch: 1, bumpedAt: new Date() },
    });

    published.length = 0;
    await markTicketReady(loc.ctx.CHEF, { orderId: a.orderId, fireBatch: 1 });
    expect((await testDb().onlineOrder.findUniqueOrThrow({ where: { orderId: a.orderId } })).status).toBe("READY");
    expect(toDriver(dana).map((m) => m.data)).toEqual([
      { what: "status", routeId: null, orderIds: [a.orderId], status: "READY" },
    ]);

    published.length = 0;
    await cancelOnlineOrder(loc.ctx.MANAGER, { orderId: b.orderId, reason: "Customer called" });
    expect(toDriver(dana).map((m) => m.data)).toEqual([
      { what: "status", routeId: null, orderIds: [b.orderId], status: "CANCELLED" },
    ]);
    expect(toDriver(bob)).toEqual([]);
  });

  it("reaches the driver's phone over a real socket authorised by the route", async () => {
    const socket = new PusherClient(APP.key, {
      cluster: "mt1",
      wsHost: "127.0.0.1",
      wsPort: realtime.port,
      forceTLS: false,
      enabledTransports: ["ws"],
      disableStats: true,
      channelAuthorization: {
        endpoint: "/unused",
        transport: "ajax",
        customHandler: ({ socketId, channelName }, cb) =>
          void authorize(dana.ctx, channelName, socketId).then(async (res) =>
            res.ok ? cb(null, await res.json()) : cb(new Error(`HTTP ${res.status}`), null),
          ),
      },
    });
    sockets.push(socket);
    const channel: Channel = socket.subscribe(driverChannel(loc.id, dana.userId));
    await new Promise<void>((resolve, reject) => {
      channel.bind("pusher:subscription_succeeded", () => resolve());
      channel.bind("pusher:subscription_error", reject);
    });
    const heard: unknown[] = [];
    channel.bind(DRIVER_EVENTS.changed, (d: unknown) => heard.push(d));

    const a = await buildOnlineOrder(loc.id);
    const { routeId } = await assignDelivery(loc.ctx.CHEF, { orderIds: [a.orderId], driverId: dana.userId });
    await flushPublishes();
    const deadline = Date.now() + 5000;
    while (heard.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual([{ what: "assigned", routeId, orderIds: [a.orderId] }]);
  });
});
