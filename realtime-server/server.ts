import { randomInt } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { AppState, StatsCounters, type RealtimeStats, type ServerContext } from "./app-state";
import { handleHttpRequest } from "./http-api";
import { resolveOptions, type RealtimeServerOptions } from "./options";
import { ErrorCode, PROTOCOL_VERSION, encodeError } from "./protocol";
import { PusherConnection } from "./ws-connection";

export type { RealtimeApp, RealtimeServerOptions } from "./options";
export type { RealtimeStats } from "./app-state";

export interface RealtimeServer {
  /** The bound port (useful when started with port 0). */
  port: number;
  host: string;
  /** Stops listening and closes every socket with 4100, so pusher-js reconnects after a 1 s backoff. */
  close(): Promise<void>;
  stats(): RealtimeStats;
}

const SHUTDOWN_GRACE_MS = 1_000;
const APP_PATH = /^\/app\/([^/?]+)$/;

export async function startRealtimeServer(options: RealtimeServerOptions = {}): Promise<RealtimeServer> {
  const resolved = resolveOptions(options);
  const { logger } = resolved;
  const appsById = new Map<string, AppState>();
  const appsByKey = new Map<string, AppState>();
  for (const app of resolved.apps) {
    const state = new AppState(app, resolved.maxPresenceMembers);
    appsById.set(app.id, state);
    appsByKey.set(app.key, state);
  }
  const ctx: ServerContext = { options: resolved, appsById, appsByKey, stats: new StatsCounters() };
  let closing = false;

  const httpServer = createServer((req, res) => {
    void handleHttpRequest(req, res, ctx);
  });
  httpServer.requestTimeout = 15_000;
  httpServer.headersTimeout = 10_000;

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: resolved.maxMessageBytes,
    perMessageDeflate: false,
    clientTracking: true,
  });

  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const target = parseUpgradeTarget(req.url);
    if (!target || closing) {
      socket.end(`HTTP/1.1 ${closing ? "503 Service Unavailable" : "404 Not Found"}\r\nConnection: close\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, target.appKey, target.protocol));
  });

  function onConnection(ws: WebSocket, appKey: string, protocol: string | null): void {
    const app = appsByKey.get(appKey);
    // Errors are sent as a pusher:error frame first because pusher-js decides on retries from it.
    if (!app) return refuse(ws, ErrorCode.appDoesNotExist, `App key ${appKey} does not exist`);
    if (protocol !== String(PROTOCOL_VERSION)) {
      return refuse(ws, ErrorCode.unsupportedProtocol, `Unsupported protocol version ${protocol ?? "(none)"}`);
    }
    let connections = 0;
    for (const state of appsById.values()) connections += state.connections.size;
    if (connections >= resolved.maxConnections) {
      return refuse(ws, ErrorCode.overCapacity, "Over capacity");
    }
    const connection = new PusherConnection(ws, newSocketId(app), app, ctx);
    connection.start();
    logger.debug("connection opened", { socketId: connection.socketId, app: app.app.id });
  }

  function refuse(ws: WebSocket, code: number, message: string): void {
    logger.info("connection refused", { code, reason: message });
    ws.send(encodeError(code, message));
    ws.close(code, message);
    setTimeout(() => ws.terminate(), SHUTDOWN_GRACE_MS).unref();
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(resolved.port, resolved.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const address = httpServer.address() as AddressInfo;
  logger.info("realtime server listening", {
    host: address.address,
    port: address.port,
    apps: resolved.apps.map((app) => app.id),
  });

  let closePromise: Promise<void> | null = null;
  async function close(): Promise<void> {
    closing = true;
    // Stop accepting first: clients told to reconnect must get a fast ECONNREFUSED, not a half-closed server.
    const stoppedListening = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    for (const app of appsById.values()) {
      for (const connection of app.connections.values()) {
        // 41xx = "reconnect after backoff": pusher-js retries in 1 s, which a restart usually beats.
        // 4200 would retry at once, fail, and then sit out pusher-js's 15 s strategy timeout.
        connection.close(ErrorCode.overCapacity, "Server shutting down");
      }
    }
    await waitForSockets(wss, SHUTDOWN_GRACE_MS);
    for (const ws of wss.clients) ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    // Keep-alive sockets from SDK HTTP agents would otherwise hold close() open.
    httpServer.closeAllConnections();
    await stoppedListening;
    logger.info("realtime server stopped", {});
  }

  return {
    port: address.port,
    host: resolved.host,
    close: () => (closePromise ??= close()),
    stats: () => ctx.stats.snapshot(appsById.values()),
  };
}

function parseUpgradeTarget(rawUrl: string | undefined): { appKey: string; protocol: string | null } | null {
  try {
    const url = new URL(rawUrl ?? "/", "http://localhost");
    const match = APP_PATH.exec(url.pathname);
    if (!match?.[1]) return null;
    return { appKey: decodeURIComponent(match[1]), protocol: url.searchParams.get("protocol") };
  } catch {
    return null;
  }
}

function newSocketId(app: AppState): string {
  for (;;) {
    const id = `${randomInt(1, 2 ** 40)}.${randomInt(1, 2 ** 40)}`;
    if (!app.connections.has(id)) return id;
  }
}

function waitForSockets(wss: WebSocketServer, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const deadline = Date.now() + timeoutMs;
    const poll = (): void => {
      if (wss.clients.size === 0 || Date.now() >= deadline) resolve();
      else setTimeout(poll, 20);
    };
    poll();
  });
}
