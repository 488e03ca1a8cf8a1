// publish → the real realtime server → a real pusher-js subscriber: the right event reaches the
// right channel, a kitchen event carries its seq and no price, and an outage never throws.
import { createServer, type AddressInfo } from "node:net";
import PusherServer from "pusher";
import PusherClient, { type Channel } from "pusher-js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { log } from "../log";
import { startRealtimeServer, type RealtimeServer } from "@/realtime-server/server";

const APP = { id: "publish-test", key: "publish-test-key", secret: "publish-test-secret" };
let server: RealtimeServer;
let client: PusherClient;
let publish: typeof import("./publish");
let events: typeof import("./events");

function subscribe(channelName: string): Promise<Channel> {
  const channel = client.subscribe(channelName);
  return new Promise((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", () => resolve(channel));
    channel.bind("pusher:subscription_error", reject);
  });
}

function next(channel: Channel, name: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within 3 s`)), 3000);
    channel.bind(name, (data: unknown) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

beforeAll(async () => {
  server = await startRealtimeServer({ apps: [APP], port: 0, host: "127.0.0.1" });
  Object.assign(process.env, {
    DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://unused@127.0.0.1:5432/unused",
    PUSHER_APP_ID: APP.id,
    PUSHER_KEY: APP.key,
    PUSHER_SECRET: APP.secret,
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(server.port),
    PUSHER_USE_TLS: "false",
  });
  // Imported after the env is set: lib/env.ts reads it once.
  publish = await import("./publish");
  events = await import("./events");
  const signer = new PusherServer({
    appId: APP.id,
    key: APP.key,
    secret: APP.secret,
    host: "127.0.0.1",
    port: String(server.port),
    useTLS: false,
  });
  client = new PusherClient(APP.key, {
    cluster: "mt1",
    wsHost: "127.0.0.1",
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      endpoint: "/unused",
      transport: "ajax",
      customHandler: ({ socketId, channelName }, callback) =>
        callback(null, signer.authorizeChannel(socketId, channelName)),
    },
  });
});

afterAll(async () => {
  client?.disconnect();
  await server?.close();
});

describe("publishChange", () => {
  it("sends each order event to the location's kitchen channel with its seq, and floor changes to the floor channel", async () => {
    const kitchen = await subscribe(events.kitchenChannel("loc-a"));
    const floor = await subscribe(events.floorChannel("loc-a"));
    const otherKitchen = await subscribe(events.kitchenChannel("loc-b"));
    const leaked: unknown[] = [];
    otherKitchen.bind("items.fired", (d: unknown) => leaked.push(d));

    const fired = next(kitchen, "items.fired");
    const table = next(floor, "table.changed");
    const order = next(floor, "order.changed");
    await publish.publishChange({
      locationId: "loc-a",
      events: [
        {
          seq: 17,
          type: "items.fired",
          orderId: "order-1",
          payload: { stationIds: ["st-grill"], itemIds: ["i1", "i2"], fireBatch: 1, unitPriceCents: 1650 },
          createdAt: new Date("2026-11-21T20:00:00Z"),
        },
      ],
      tables: [{ tableId: "t5", status: "ORDERED", orderId: "order-1", seq: 17 }],
      orders: [{ orderId: "order-1", tableId: "t5", status: "SENT", type: "items.fired", seq: 17 }],
    });

    const data = await fired;
    expect(data).toEqual({
      seq: 17,
      type: "items.fired",
      orderId: "order-1",
      stationIds: ["st-grill"],
      fireBatch: 1,
      at: "2026-11-21T20:00:00.000Z",
    });
    expect(JSON.stringify(data)).not.toMatch(/cents|price/i);
    expect(await table).toEqual({ tableId: "t5", status: "ORDERED", orderId: "order-1", seq: 17 });
    expect(await order).toMatchObject({ orderId: "order-1", status: "SENT", seq: 17 });
    await new Promise((r) => setTimeout(r, 100));
    expect(leaked).toEqual([]);
  });

  it("tells a guest session's phones (their private channel) that their order changed, with no data", async () => {
    const guest = await subscribe(events.guestChannel("sess-1"));
    const other = await subscribe(events.guestChannel("sess-2"));
    const leaked: unknown[] = [];
    other.bind(events.GUEST_EVENTS.order, (d: unknown) => leaked.push(d));
    const changed = next(guest, events.GUEST_EVENTS.order);
    await publish.publishChange({
      locationId: "loc-g",
      events: [
        {
          seq: 3,
          type: "items.bumped",
          orderId: "order-g",
          payload: { stationIds: ["st-grill"], itemIds: ["i1"] },
          createdAt: new Date("2026-11-21T20:00:00Z"),
        },
      ],
      guestSessionIds: ["sess-1"],
    });
    expect(await changed).toEqual({});
    await new Promise((r) => setTimeout(r, 100));
    expect(leaked).toEqual([]);
  });

  it("keeps seq order within a change and batches more than ten events", async () => {
    const kitchen = await subscribe(events.kitchenChannel("loc-c"));
    const seen: number[] = [];
    const all = new Promise<void>((resolve) => {
      kitchen.bind("items.bumped", (d: { seq: number }) => {
        seen.push(d.seq);
        if (seen.length === 12) resolve();
      });
    });
    await publish.publishChange({
      locationId: "loc-c",
      events: Array.from({ length: 12 }, (_, i) => ({
        seq: i + 1,
        type: "items.bumped",
        orderId: "o",
        payload: { stationIds: [], itemIds: [] },
        createdAt: new Date(),
      })),
    });
    await all;
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("never throws when the realtime server is unreachable (the order is already saved)", async () => {
    const { pusherServer } = await import("./pusher-server");
    const sdk = pusherServer();
    const original = sdk.triggerBatch.bind(sdk);
    sdk.triggerBatch = () => Promise.reject(new Error("connect ECONNREFUSED"));
    const warned = vi.spyOn(log, "warn").mockImplementation(() => {});
    try {
      await expect(
        publish.publishChange({
          locationId: "loc-a",
          events: [{ seq: 1, type: "items.fired", orderId: "o", payload: { stationIds: [] }, createdAt: new Date() }],
        }),
      ).resolves.toBeUndefined();
      await publish.flushPublishes();
      expect(warned).toHaveBeenCalledWith(
        "realtime publish failed; clients will resync",
        expect.objectContaining({ error: "connect ECONNREFUSED" }),
      );
    } finally {
      warned.mockRestore();
      sdk.triggerBatch = original;
    }
  });

  it("a hung realtime server delays nothing: publish returns at once, retries are bounded, later events still arrive", async () => {
    // A server that accepts connections and never answers (the realtime process under SIGSTOP).
    const sockets: import("node:net").Socket[] = [];
    const hung = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => hung.listen(0, "127.0.0.1", r));
    const { pusherServer } = await import("./pusher-server");
    const sdk = pusherServer();
    const original = sdk.triggerBatch.bind(sdk);
    const hungPort = (hung.address() as AddressInfo).port;
    const hungSdk = new PusherServer({
      appId: APP.id,
      key: APP.key,
      secret: APP.secret,
      host: "127.0.0.1",
      port: String(hungPort),
      useTLS: false,
      timeout: 300,
    });
    let attempts = 0;
    sdk.triggerBatch = (batch) => {
      attempts++;
      return hungSdk.triggerBatch(batch);
    };
    const warned = vi.spyOn(log, "warn").mockImplementation(() => {});
    try {
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          publish.publishChange({
            locationId: "loc-h",
            events: [
              { seq: i + 1, type: "items.fired", orderId: "o", payload: { stationIds: [] }, createdAt: new Date() },
            ],
          }),
        ),
      );
      expect(performance.now() - started).toBeLessThan(50);
      await publish.flushPublishes();
      // The five changes went out as one batch, tried a bounded number of times (3, or 1 while the
      // server is already known to be down), then given up: displays catch up from the database.
      expect(attempts).toBeGreaterThanOrEqual(1);
      expect(attempts).toBeLessThanOrEqual(3);
      expect(warned).toHaveBeenCalledWith(
        "realtime publish failed; clients will resync",
        expect.objectContaining({ attempts, events: Array(5).fill("private-loc-loc-h-kitchen:items.fired") }),
      );
    } finally {
      warned.mockRestore();
      sdk.triggerBatch = original;
      for (const s of sockets) s.destroy();
      hung.close();
    }
    // The server answers again: the next change is delivered.
    const kitchen = await subscribe(events.kitchenChannel("loc-h"));
    const fired = next(kitchen, "items.fired");
    await publish.publishChange({
      locationId: "loc-h",
      events: [{ seq: 6, type: "items.fired", orderId: "o", payload: { stationIds: [] }, createdAt: new Date() }],
    });
    expect(await fired).toMatchObject({ seq: 6 });
  });

  it("drops (and logs) an invalid payload instead of throwing", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => {});
    await expect(
      publish.publishChange({
        locationId: "loc-a",
        events: [],
        tables: [{ tableId: "t", status: "NOPE" as never, orderId: null, seq: null }],
      }),
    ).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith(
      "realtime payload invalid; not published",
      expect.objectContaining({ locationId: "loc-a" }),
    );
    logged.mockRestore();
  });
});
