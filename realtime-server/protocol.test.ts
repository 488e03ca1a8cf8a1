import type PusherClient from "pusher-js";
import { afterEach, describe, expect, it } from "vitest";
import type { RealtimeServer } from "./server";
import {
  RawSocket,
  TEST_APP,
  connectClient,
  createClient,
  nextEvent,
  serverSdk,
  startTestServer,
  subscribe,
  waitUntil,
  withTimeout,
} from "./test-support";

const APP_PATH = `/app/${TEST_APP.key}?protocol=7&client=js&version=8.6.0&flash=false`;

const servers: RealtimeServer[] = [];
const sockets: RawSocket[] = [];
const clients: PusherClient[] = [];

async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<RealtimeServer> {
  const started = await startTestServer(options);
  servers.push(started);
  return started;
}

async function raw(port: number, path = APP_PATH): Promise<RawSocket> {
  const socket = await RawSocket.open(port, path);
  sockets.push(socket);
  return socket;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  for (const socket of sockets.splice(0)) socket.close();
  await Promise.all(servers.splice(0).map((started) => started.close()));
});

describe("handshake", () => {
  it("sends connection_established with data as a JSON string", async () => {
    const { port } = await server();
    const socket = await raw(port);
    const frame = await socket.waitFor("pusher:connection_established");
    expect(typeof frame.data).toBe("string");
    const data = JSON.parse(frame.data as string) as { socket_id: string; activity_timeout: number };
    expect(data.socket_id).toMatch(/^\d+\.\d+$/);
    expect(data.activity_timeout).toBe(120);
  });

  it("refuses an unknown app key with 4001", async () => {
    const { port } = await server();
    const socket = await raw(port, "/app/unknown-key?protocol=7&client=js&version=8.6.0");
    const frame = await socket.waitFor("pusher:error");
    expect(frame.data).toMatchObject({ code: 4001 });
    expect((await socket.closed).code).toBe(4001);
  });

  it("makes pusher-js give up on an unknown app key", async () => {
    const { port } = await server();
    const client = createClient(port, { key: "unknown-key" });
    clients.push(client);
    const error = await withTimeout(
      new Promise<{ error?: { data?: { code?: number } } }>((resolve) => client.connection.bind("error", resolve)),
      "pusher-js error",
    );
    expect(error.error?.data?.code).toBe(4001);
    // 4000-4099 means "refused": pusher-js must not retry.
    await waitUntil(() => client.connection.state === "disconnected", "pusher-js to stop");
  });

  it("refuses protocol versions below 7 with 4007", async () => {
    const { port } = await server();
    const socket = await raw(port, `/app/${TEST_APP.key}?protocol=6&client=js`);
    const frame = await socket.waitFor("pusher:error");
    expect(frame.data).toMatchObject({ code: 4007 });
    expect((await socket.closed).code).toBe(4007);
  });

  it("refuses connections over maxConnections with 4100", async () => {
    const { port } = await server({ maxConnections: 1 });
    await (await raw(port)).waitFor("pusher:connection_established");
    const second = await raw(port);
    expect((await second.waitFor("pusher:error")).data).toMatchObject({ code: 4100 });
  });
});

describe("messages", () => {
  it("answers a malformed frame with pusher:error and keeps the connection", async () => {
    const { port } = await server();
    const socket = await raw(port);
    await socket.waitFor("pusher:connection_established");
    socket.send("this is not json");
    expect((await socket.waitFor("pusher:error")).data).toMatchObject({ code: null });
    socket.send({ event: "pusher:ping", data: {} });
    expect((await socket.waitFor("pusher:pong")).event).toBe("pusher:pong");
  });

  it("rejects channel names over 200 characters or with invalid characters", async () => {
    const { port } = await server();
    const socket = await raw(port);
    await socket.waitFor("pusher:connection_established");
    socket.send({ event: "pusher:subscribe", data: { channel: "a".repeat(201) } });
    const error = await socket.waitFor("pusher:subscription_error");
    expect(error.data).toMatchObject({ status: 400 });
    socket.frames.length = 0;
    socket.send({ event: "pusher:subscribe", data: { channel: "orders/1" } });
    expect((await socket.waitFor("pusher:subscription_error")).channel).toBe("orders/1");
  });

  it("refuses a private subscription without auth", async () => {
    const { port, stats } = await server();
    const socket = await raw(port);
    await socket.waitFor("pusher:connection_established");
    socket.send({ event: "pusher:subscribe", data: { channel: "private-x" } });
    expect((await socket.waitFor("pusher:subscription_error")).data).toMatchObject({ type: "AuthError", status: 401 });
    expect(stats().subscriptions).toBe(0);
  });

  it("rejects client events on public channels", async () => {
    const { port } = await server();
    const socket = await raw(port);
    await socket.waitFor("pusher:connection_established");
    socket.send({ event: "pusher:subscribe", data: { channel: "public" } });
    await socket.waitFor("pusher_internal:subscription_succeeded");
    socket.send({ event: "client-hi", channel: "public", data: {} });
    expect((await socket.waitFor("pusher:error")).data).toMatchObject({
      message: expect.stringContaining("private and presence") as unknown,
    });
  });
});

describe("activity timeout", () => {
  it("pings an idle client and closes it with 4201 when no pong arrives", async () => {
    const { port, stats } = await server({ idleTimeoutMs: 100, pongTimeoutMs: 100 });
    const socket = await raw(port);
    await socket.waitFor("pusher:connection_established");
    await socket.waitFor("pusher:ping");
    expect((await socket.closed).code).toBe(4201);
    await waitUntil(() => stats().connections === 0, "server-side cleanup");
  });

  it("keeps a pusher-js client that answers the server ping", async () => {
    const { port } = await server({ idleTimeoutMs: 60, pongTimeoutMs: 150 });
    const client = await connectClient(port);
    clients.push(client);
    const pings: string[] = [];
    client.connection.bind("message", (message: { event: string }) => pings.push(message.event));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pings.filter((event) => event === "pusher:ping").length).toBeGreaterThan(0);
    expect(client.connection.state).toBe("connected");
  });

  it("answers the pings pusher-js sends after its own activity timeout", async () => {
    const { port } = await server();
    const client = await connectClient(port, { activityTimeout: 100, pongTimeout: 200 });
    clients.push(client);
    const pongs: string[] = [];
    client.connection.bind("message", (message: { event: string }) => {
      if (message.event === "pusher:pong") pongs.push(message.event);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pongs.length).toBeGreaterThan(0);
    expect(client.connection.state).toBe("connected");
  });
});

describe("multiple apps", () => {
  it("isolates channels of different apps on one server", async () => {
    const other = { id: "other-app", key: "other-key", secret: "other-secret" };
    const { port } = await server({ apps: [TEST_APP, other] });
    const mine = await raw(port);
    const theirs = await raw(port, `/app/${other.key}?protocol=7&client=js&version=8.6.0`);
    for (const socket of [mine, theirs]) {
      await socket.waitFor("pusher:connection_established");
      socket.send({ event: "pusher:subscribe", data: { channel: "orders" } });
      await socket.waitFor("pusher_internal:subscription_succeeded");
    }
    await serverSdk(port, other).trigger("orders", "for-other-app", {});
    await theirs.waitFor("for-other-app");
    expect(mine.frames.some((frame) => frame.event === "for-other-app")).toBe(false);
  });
});

describe("shutdown", () => {
  it("closes sockets with a backoff code so clients reconnect to a restarted server", async () => {
    const started = await startTestServer();
    const socket = await raw(started.port);
    await socket.waitFor("pusher:connection_established");
    await started.close();
    expect((await socket.closed).code).toBe(4100);
  });

  it("lets pusher-js reconnect and resubscribe after a quick restart on the same port", async () => {
    const first = await startTestServer();
    const client = await connectClient(first.port);
    clients.push(client);
    const channel = await subscribe(client, "orders");
    await first.close();
    const second = await server({ port: first.port });
    await waitUntil(() => second.stats().subscriptions === 1, "resubscription", 3_000);
    const received = nextEvent(channel, "after-restart");
    await serverSdk(second.port).trigger("orders", "after-restart", { ok: true });
    expect(await received).toEqual({ ok: true });
  });

  it("answers 404 to WebSocket upgrades outside /app/:key", async () => {
    const { port } = await server();
    await expect(RawSocket.open(port, "/socket")).rejects.toThrow(/404/);
  });
});
