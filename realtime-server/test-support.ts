// Shared helpers for the realtime-server tests: real server on port 0, official SDKs as clients.
import PusherServer from "pusher";
import PusherClient, { type Channel } from "pusher-js";
import { WebSocket } from "ws";
import type { RealtimeApp, RealtimeServerOptions } from "./options";
import { startRealtimeServer, type RealtimeServer } from "./server";

export const TEST_APP: RealtimeApp = { id: "test-app", key: "test-key", secret: "test-secret" };
const WAIT_MS = 2_000;

export async function startTestServer(options: RealtimeServerOptions = {}): Promise<RealtimeServer> {
  return startRealtimeServer({ apps: [TEST_APP], port: 0, host: "127.0.0.1", ...options });
}

export function serverSdk(port: number, overrides: Partial<RealtimeApp> = {}): PusherServer {
  const app = { ...TEST_APP, ...overrides };
  return new PusherServer({
    appId: app.id,
    key: app.key,
    secret: app.secret,
    host: "127.0.0.1",
    port: String(port),
    useTLS: false,
  });
}

export interface ClientOptions {
  /** Secret the auth handler signs with; a wrong one simulates a forged authorization. */
  secret?: string;
  userId?: string;
  userInfo?: Record<string, unknown>;
  key?: string;
  activityTimeout?: number;
  pongTimeout?: number;
}

/** A pusher-js client whose channel authorization is signed by the `pusher` server SDK. */
export function createClient(port: number, options: ClientOptions = {}): PusherClient {
  const signer = serverSdk(port, { secret: options.secret ?? TEST_APP.secret });
  const userId = options.userId ?? "user-1";
  return new PusherClient(options.key ?? TEST_APP.key, {
    cluster: "mt1",
    wsHost: "127.0.0.1",
    wsPort: port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    activityTimeout: options.activityTimeout,
    pongTimeout: options.pongTimeout,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        const presence = channelName.startsWith("presence-")
          ? { user_id: userId, user_info: options.userInfo ?? { name: userId } }
          : undefined;
        callback(null, signer.authorizeChannel(socketId, channelName, presence));
      },
    },
    userAuthentication: {
      customHandler: ({ socketId }, callback) => {
        callback(null, signer.authenticateUser(socketId, { id: userId }));
      },
    },
  });
}

export async function connectClient(port: number, options: ClientOptions = {}): Promise<PusherClient> {
  const client = createClient(port, options);
  await withTimeout(
    new Promise<void>((resolve) => client.connection.bind("connected", () => resolve())),
    "connection_established",
  );
  return client;
}

export async function subscribe(client: PusherClient, name: string): Promise<Channel> {
  const channel = client.subscribe(name);
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      channel.bind("pusher:subscription_succeeded", () => resolve());
      channel.bind("pusher:subscription_error", (error: unknown) =>
        reject(new Error(`subscription_error on ${name}: ${JSON.stringify(error)}`)),
      );
    }),
    `subscription to ${name}`,
  );
  return channel;
}

export function nextEvent<T = unknown>(channel: Channel, event: string): Promise<T> {
  return withTimeout(
    new Promise<T>((resolve) => {
      const handler = (data: T): void => {
        channel.unbind(event, handler);
        resolve(data);
      };
      channel.bind(event, handler);
    }),
    `${event} on ${channel.name}`,
  );
}

/** Resolves with what was received within `ms`; used to assert that nothing arrives. */
export function collectEvents(channel: Channel, event: string, ms: number): Promise<unknown[]> {
  const received: unknown[] = [];
  const handler = (data: unknown): void => {
    received.push(data);
  };
  channel.bind(event, handler);
  return new Promise((resolve) =>
    setTimeout(() => {
      channel.unbind(event, handler);
      resolve(received);
    }, ms),
  );
}

export interface RawFrame {
  event: string;
  channel?: string;
  data?: unknown;
}

/** Minimal raw client for protocol edge cases the SDK would never produce. */
export class RawSocket {
  readonly frames: RawFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    ws.on("message", (raw) => {
      this.frames.push(JSON.parse(String(raw)) as RawFrame);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => {
      ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() }));
    });
  }

  static async open(port: number, path: string): Promise<RawSocket> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
    const socket = new RawSocket(ws);
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        ws.once("open", () => resolve());
        ws.once("error", reject);
      }),
      "raw websocket open",
    );
    return socket;
  }

  async waitFor(event: string): Promise<RawFrame> {
    return withTimeout(
      (async () => {
        for (;;) {
          const found = this.frames.find((frame) => frame.event === event);
          if (found) return found;
          await new Promise<void>((resolve) => this.waiters.push(resolve));
        }
      })(),
      `raw frame ${event}`,
    );
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  close(): void {
    this.ws.terminate();
  }
}

export function withTimeout<T>(promise: Promise<T>, label: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out waiting for ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function waitUntil(check: () => boolean, label: string, ms = WAIT_MS): Promise<void> {
  let done = false;
  await withTimeout(
    (async () => {
      while (!done && !check()) await new Promise((resolve) => setTimeout(resolve, 10));
    })(),
    label,
    ms,
  ).finally(() => {
    done = true;
  });
}
