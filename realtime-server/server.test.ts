import type PusherClient from "pusher-js";
import type { PresenceChannel } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RealtimeServer } from "./server";
import {
  TEST_APP,
  collectEvents,
  connectClient,
  nextEvent,
  serverSdk,
  startTestServer,
  subscribe,
  waitUntil,
  withTimeout,
  type ClientOptions,
} from "./test-support";

let server: RealtimeServer;
const clients: PusherClient[] = [];

async function client(options: ClientOptions = {}): Promise<PusherClient> {
  const connected = await connectClient(server.port, options);
  clients.push(connected);
  return connected;
}

beforeAll(async () => {
  // The app names the one channel where browsers may talk to each other.
  server = await startTestServer({ clientEventChannels: ["private-chat", "presence-room-*"] });
});

afterEach(async () => {
  for (const connected of clients.splice(0)) connected.disconnect();
  await waitUntil(() => server.stats().connections === 0, "clients to disconnect");
});

afterAll(async () => {
  await server.close();
});

describe("connection", () => {
  it("establishes a connection with a socket id", async () => {
    const pusher = await client();
    expect(pusher.connection.state).toBe("connected");
    expect(pusher.connection.socket_id).toMatch(/^\d+\.\d+$/);
    expect(server.stats().connections).toBe(1);
  });

  it("answers pusher:ping with pusher:pong", async () => {
    const pusher = await client();
    const pong = withTimeout(
      new Promise<void>((resolve) => {
        pusher.connection.bind("message", (message: { event: string }) => {
          if (message.event === "pusher:pong") resolve();
        });
      }),
      "pusher:pong",
    );
    pusher.send_event("pusher:ping", {});
    await pong;
  });
});

describe("public channels", () => {
  it("delivers an event triggered with the server SDK", async () => {
    const pusher = await client();
    const channel = await subscribe(pusher, "orders");
    const received = nextEvent(channel, "order-created");
    await serverSdk(server.port).trigger("orders", "order-created", { id: 42, items: ["soup"] });
    expect(await received).toEqual({ id: 42, items: ["soup"] });
  });

  it("delivers one trigger to several channels", async () => {
    const pusher = await client();
    const a = await subscribe(pusher, "station-grill");
    const b = await subscribe(pusher, "station-fry");
    const both = Promise.all([nextEvent(a, "ticket"), nextEvent(b, "ticket")]);
    await serverSdk(server.port).trigger(["station-grill", "station-fry"], "ticket", { n: 1 });
    expect(await both).toEqual([{ n: 1 }, { n: 1 }]);
  });

  it("excludes the socket given as socket_id", async () => {
    const sender = await client();
    const other = await client();
    const senderChannel = await subscribe(sender, "menu");
    const otherChannel = await subscribe(other, "menu");
    const senderEvents = collectEvents(senderChannel, "updated", 300);
    const otherEvent = nextEvent(otherChannel, "updated");
    await serverSdk(server.port).trigger("menu", "updated", { v: 2 }, { socket_id: sender.connection.socket_id });
    expect(await otherEvent).toEqual({ v: 2 });
    expect(await senderEvents).toEqual([]);
  });

  it("stops delivering after unsubscribe", async () => {
    const pusher = await client();
    const channel = await subscribe(pusher, "temp");
    pusher.unsubscribe("temp");
    await waitUntil(() => server.stats().subscriptions === 0, "unsubscribe");
    const events = collectEvents(channel, "anything", 200);
    await serverSdk(server.port).trigger("temp", "anything", {});
    expect(await events).toEqual([]);
  });
});

describe("batch events", () => {
  it("delivers a batch to two channels", async () => {
    const pusher = await client();
    const kitchen = await subscribe(pusher, "kitchen");
    const privateBar = await subscribe(pusher, "private-bar");
    const both = Promise.all([nextEvent(kitchen, "fire"), nextEvent(privateBar, "pour")]);
    await serverSdk(server.port).triggerBatch([
      { channel: "kitchen", name: "fire", data: { table: 7 } },
      { channel: "private-bar", name: "pour", data: "plain string" },
    ]);
    expect(await both).toEqual([{ table: 7 }, "plain string"]);
  });

  it("rejects more than 10 events", async () => {
    const batch = Array.from({ length: 11 }, (_, i) => ({ channel: "kitchen", name: "e", data: String(i) }));
    await expect(serverSdk(server.port).triggerBatch(batch)).rejects.toMatchObject({ status: 400 });
  });
});

describe("private channels", () => {
  it("accepts a subscription signed with the app secret", async () => {
    const pusher = await client();
    const channel = await subscribe(pusher, "private-orders");
    const received = nextEvent(channel, "paid");
    await serverSdk(server.port).trigger("private-orders", "paid", { ok: true });
    expect(await received).toEqual({ ok: true });
  });

  it("refuses a subscription signed with the wrong secret", async () => {
    const pusher = await client({ secret: "not-the-secret" });
    const channel = pusher.subscribe("private-orders");
    const error = await nextEvent<{ type: string; status: number }>(channel, "pusher:subscription_error");
    expect(error).toMatchObject({ type: "AuthError", status: 401 });
    expect(server.stats().subscriptions).toBe(0);
  });

  it("relays client events on a channel the app named, to other subscribers only", async () => {
    const alice = await client();
    const bob = await client();
    const aliceChannel = await subscribe(alice, "private-chat");
    const bobChannel = await subscribe(bob, "private-chat");
    const echoed = collectEvents(aliceChannel, "client-typing", 300);
    const received = nextEvent(bobChannel, "client-typing");
    aliceChannel.trigger("client-typing", { who: "alice" });
    expect(await received).toEqual({ who: "alice" });
    expect(await echoed).toEqual([]);
  });
});

describe("client events", () => {
  it("refuses client events on channels the app did not name: nobody else receives them", async () => {
    const server2 = await client();
    const manager = await client();
    const serverFloor = await subscribe(server2, "private-loc-1-floor");
    const managerFloor = await subscribe(manager, "private-loc-1-floor");
    const relayedBefore = server.stats().clientEventsRelayed;
    const forged = collectEvents(managerFloor, "client-table.changed", 300);
    const refused = withTimeout(
      new Promise<{ message?: string }>((resolve) =>
        server2.connection.bind("error", (e: { data?: { message?: string } }) => resolve(e.data ?? {})),
      ),
      "pusher:error for the refused client event",
    );
    serverFloor.trigger("client-table.changed", { tableId: "t1", status: "FREE" });
    expect((await refused).message).toMatch(/not enabled for this channel/);
    expect(await forged).toEqual([]);
    expect(server.stats().clientEventsRelayed).toBe(relayedBefore);
  });

  it("matches named channels by pattern", async () => {
    const alice = await client({ userId: "alice" });
    const bob = await client({ userId: "bob" });
    const a = await subscribe(alice, "presence-room-7");
    const b = await subscribe(bob, "presence-room-7");
    const received = nextEvent(b, "client-hello");
    a.trigger("client-hello", { from: "alice" });
    expect(await received).toEqual({ from: "alice" });
  });
});

describe("presence channels", () => {
  it("reports members, member_added and member_removed", async () => {
    const alice = await client({ userId: "alice", userInfo: { name: "Alice" } });
    const aliceChannel = (await subscribe(alice, "presence-line")) as PresenceChannel;
    expect(aliceChannel.members.count).toBe(1);
    expect(aliceChannel.members.me).toEqual({ id: "alice", info: { name: "Alice" } });

    const added = nextEvent<{ id: string; info: unknown }>(aliceChannel, "pusher:member_added");
    const bob = await client({ userId: "bob", userInfo: { name: "Bob" } });
    const bobChannel = (await subscribe(bob, "presence-line")) as PresenceChannel;
    expect(await added).toEqual({ id: "bob", info: { name: "Bob" } });
    expect(bobChannel.members.count).toBe(2);
    expect(bobChannel.members.get("alice")).toEqual({ id: "alice", info: { name: "Alice" } });

    const removed = nextEvent<{ id: string }>(aliceChannel, "pusher:member_removed");
    bob.disconnect();
    expect(await removed).toMatchObject({ id: "bob" });
    expect(aliceChannel.members.count).toBe(1);
  });

  it("adds a user once even with several connections", async () => {
    const first = await client({ userId: "carol" });
    const watcher = await client({ userId: "dave" });
    const watcherChannel = (await subscribe(watcher, "presence-pass")) as PresenceChannel;
    await subscribe(first, "presence-pass");
    await waitUntil(() => watcherChannel.members.count === 2, "carol to join");

    const secondTab = await client({ userId: "carol" });
    const extraJoins = collectEvents(watcherChannel, "pusher:member_added", 200);
    await subscribe(secondTab, "presence-pass");
    expect(await extraJoins).toEqual([]);

    const removals = collectEvents(watcherChannel, "pusher:member_removed", 200);
    secondTab.disconnect();
    expect(await removals).toEqual([]);
    expect(watcherChannel.members.count).toBe(2);
  });
});

describe("user sign-in", () => {
  it("delivers sendToUser and terminates user connections", async () => {
    const pusher = await client({ userId: "chef-1" });
    const received = withTimeout(
      new Promise<unknown>((resolve) => pusher.user.bind("shift-note", (data: unknown) => resolve(data))),
      "server-to-user event",
    );
    pusher.signin();
    await waitUntil(() => server.stats().subscriptions === 1, "server-to-user subscription");
    await serverSdk(server.port).sendToUser("chef-1", "shift-note", { text: "86 the salmon" });
    expect(await received).toEqual({ text: "86 the salmon" });

    await serverSdk(server.port).terminateUserConnections("chef-1");
    await waitUntil(() => pusher.connection.state !== "connected", "user connection to be terminated");
  });
});

describe("sign-in required (authorized connections)", () => {
  it("closes a socket that does not sign in in time, keeps one that does", async () => {
    const strict = await startTestServer({ signinTimeoutMs: 200 });
    try {
      const silent = await connectClient(strict.port);
      const signed = await connectClient(strict.port, { userId: "session-1" });
      signed.signin();
      await waitUntil(() => silent.connection.state !== "connected", "unsigned socket to be closed");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(signed.connection.state).toBe("connected");
      signed.disconnect();
      silent.disconnect();
    } finally {
      await strict.close();
    }
  });
});

describe("HTTP API", () => {
  it("rejects a request signed with the wrong secret with 401", async () => {
    const sdk = serverSdk(server.port, { secret: "wrong-secret" });
    await expect(sdk.trigger("orders", "x", {})).rejects.toMatchObject({ status: 401 });
  });

  it("answers 404 for an unknown app id", async () => {
    const sdk = serverSdk(server.port, { id: "no-such-app" });
    await expect(sdk.trigger("orders", "x", {})).rejects.toMatchObject({ status: 404 });
  });

  it("answers 413 for event data over the size limit", async () => {
    const sdk = serverSdk(server.port);
    await expect(sdk.trigger("orders", "big", "x".repeat(10 * 1024 + 1))).rejects.toMatchObject({ status: 413 });
    await expect(sdk.trigger("orders", "fits", "x".repeat(10 * 1024))).resolves.toMatchObject({ status: 200 });
  });

  it("answers 400 for a malformed body", async () => {
    const sdk = serverSdk(server.port);
    // The SDK types say string, but it JSON-encodes whatever it gets.
    const missingChannels = { name: "no-channels", data: "{}" } as unknown as string;
    await expect(sdk.post({ path: "/events", body: missingChannels })).rejects.toMatchObject({ status: 400 });

    const body = "{not json";
    const path = `/apps/${TEST_APP.id}/events`;
    const query = sdk.createSignedQueryString({ method: "POST", path, body });
    const response = await fetch(`http://127.0.0.1:${server.port}${path}?${query}`, { method: "POST", body });
    expect(response.status).toBe(400);
  });

  it("lists occupied channels, with user_count for presence", async () => {
    const alice = await client({ userId: "alice" });
    await subscribe(alice, "orders");
    await subscribe(alice, "private-orders");
    await subscribe(alice, "presence-floor");
    const bob = await client({ userId: "bob" });
    await subscribe(bob, "presence-floor");

    const sdk = serverSdk(server.port);
    const all = await (await sdk.get({ path: "/channels" })).json();
    expect(all).toEqual({ channels: { orders: {}, "private-orders": {}, "presence-floor": {} } });

    const presence = await (
      await sdk.get({ path: "/channels", params: { filter_by_prefix: "presence-", info: "user_count" } })
    ).json();
    expect(presence).toEqual({ channels: { "presence-floor": { user_count: 2 } } });

    const one = await (await sdk.get({ path: "/channels/presence-floor", params: { info: "user_count" } })).json();
    expect(one).toEqual({ occupied: true, subscription_count: 2, user_count: 2 });

    const users = await (await sdk.get({ path: "/channels/presence-floor/users" })).json();
    expect(users).toEqual({ users: [{ id: "alice" }, { id: "bob" }] });

    const empty = await (await sdk.get({ path: "/channels/nobody-here" })).json();
    expect(empty).toEqual({ occupied: false, subscription_count: 0 });
  });

  it("returns {} for a trigger and counts published events", async () => {
    const before = server.stats().eventsPublished;
    const response = await serverSdk(server.port).trigger(["a", "b"], "e", {});
    expect(await response.json()).toEqual({});
    expect(server.stats().eventsPublished).toBe(before + 2);
  });

  it("serves /health without auth", async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("serves the app key only to its own app", async () => {
    // A valid signature for app A must not authorize requests against app B's id.
    const sdk = serverSdk(server.port, { id: TEST_APP.id, key: "other-key" });
    await expect(sdk.trigger("orders", "x", {})).rejects.toMatchObject({ status: 401 });
  });
});
