/**
 * Child process of scripts/bench/realtime-idle.ts: holds N idle Pusher-protocol sockets open,
 * each doing what a signed-in display or tablet does between events — connect, `pusher:signin`
 * (signed like POST /api/realtime/user-auth), subscribe to one private channel (signed like
 * POST /api/realtime/auth), then nothing but a `pusher:ping` every --ping seconds (pusher-js
 * pings after activityTimeout of silence; the app sets 15 s) and `pusher:pong` to the server's
 * pings. Raw `ws` clients: 5,000 pusher-js instances in one process would measure pusher-js.
 *
 * Talks to its parent over IPC: sends `ready` once every socket is subscribed (or failed), answers
 * `report` with counters, and on `close` terminates every socket and exits. Exits by itself when
 * the parent goes away.
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import PusherServer from "pusher";
import { WebSocket } from "ws";

export type IdleMessage =
  | { type: "ready"; opened: number; failed: number; firstError: string | null; seconds: number }
  | {
      type: "report";
      open: number;
      dropped: number;
      dropCodes: Record<string, number>;
      pingsSent: number;
      pongsReceived: number;
      serverPings: number;
    };

const SOCKET_TIMEOUT_MS = 20_000;
const PING_TICK_MS = 100;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    port: { type: "string" },
    count: { type: "string" },
    "per-channel": { type: "string" },
    ping: { type: "string" },
    concurrency: { type: "string" },
  },
});
const port = Number(values.port);
const count = Number(values.count);
const perChannel = Number(values["per-channel"] ?? 10);
const pingSeconds = Number(values.ping ?? 15);
const concurrency = Number(values.concurrency ?? 100);
const { PUSHER_APP_ID: appId, PUSHER_KEY: key, PUSHER_SECRET: secret } = process.env;
if (!process.send || !appId || !key || !secret || !(port > 0) || !(count > 0)) {
  process.stderr.write("idle-sockets: run by scripts/bench/realtime-idle.ts (IPC, --port, --count, PUSHER_*)\n");
  process.exit(2);
}
const send = process.send.bind(process);
const signer = new PusherServer({ appId, key, secret, host: "127.0.0.1", port: String(port), useTLS: false });
const url = `ws://127.0.0.1:${port}/app/${key}?protocol=7&client=js&version=8.4.0&flash=false`;

const sockets: WebSocket[] = [];
let closing = false;
let dropped = 0;
const dropCodes: Record<string, number> = {};
let pingsSent = 0;
let pongsReceived = 0;
let serverPings = 0;

function frame(event: string, data: unknown): string {
  return JSON.stringify({ event, data });
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One socket through sign-in and subscription; resolves once subscribed, rejects on any refusal. */
function openOne(i: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    let ready = false;
    const timer = setTimeout(
      () => fail(new Error(`socket ${i}: not subscribed after ${SOCKET_TIMEOUT_MS} ms`)),
      SOCKET_TIMEOUT_MS,
    );
    function fail(error: Error): void {
      clearTimeout(timer);
      ws.terminate();
      reject(error);
    }
    ws.on("error", (error) => !ready && fail(error));
    ws.on("close", (code) => {
      if (!ready) return fail(new Error(`socket ${i}: closed with ${code} before it was subscribed`));
      if (closing) return;
      dropped += 1;
      dropCodes[code] = (dropCodes[code] ?? 0) + 1;
    });
    ws.on("message", (raw) => {
      const message = JSON.parse(String(raw)) as { event: string; channel?: string; data?: unknown };
      const data = typeof message.data === "string" ? parseOr(message.data) : message.data;
      switch (message.event) {
        case "pusher:connection_established": {
          const socketId = (data as { socket_id: string }).socket_id;
          const user = signer.authenticateUser(socketId, { id: `idle-${i}` });
          ws.send(frame("pusher:signin", user));
          const channel = `private-loc-idle${Math.floor(i / perChannel)}-floor`;
          ws.send(frame("pusher:subscribe", { channel, ...signer.authorizeChannel(socketId, channel) }));
          return;
        }
        case "pusher_internal:subscription_succeeded":
          ready = true;
          clearTimeout(timer);
          resolve(ws);
          return;
        case "pusher:ping":
          serverPings += 1;
          ws.send(frame("pusher:pong", {}));
          return;
        case "pusher:pong":
          pongsReceived += 1;
          return;
        case "pusher:error":
        case "pusher:subscription_error":
          if (!ready) fail(new Error(`socket ${i}: ${message.event} ${JSON.stringify(data)}`));
          return;
      }
    });
  });
}

async function openAll(): Promise<void> {
  const started = performance.now();
  let next = 0;
  let failed = 0;
  let firstError: string | null = null;
  const worker = async () => {
    while (next < count && !closing) {
      const i = next++;
      try {
        sockets.push(await openOne(i));
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  send({
    type: "ready",
    opened: sockets.length,
    failed,
    firstError,
    seconds: (performance.now() - started) / 1000,
  } satisfies IdleMessage);

  // Round-robin pings: each socket once per pingSeconds, spread evenly over the interval.
  if (pingSeconds > 0) {
    const perTick = (sockets.length * PING_TICK_MS) / (pingSeconds * 1000);
    let owed = 0;
    let cursor = 0;
    setInterval(() => {
      owed += perTick;
      for (; owed >= 1; owed -= 1) {
        const ws = sockets[cursor++ % sockets.length];
        if (ws?.readyState === WebSocket.OPEN) {
          ws.send(frame("pusher:ping", {}));
          pingsSent += 1;
        }
      }
    }, PING_TICK_MS);
  }
}

process.on("message", (message: { type?: string }) => {
  if (message.type === "report") {
    send({
      type: "report",
      open: sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length,
      dropped,
      dropCodes,
      pingsSent,
      pongsReceived,
      serverPings,
    } satisfies IdleMessage);
  } else if (message.type === "close") {
    closing = true;
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));

openAll().catch((error: unknown) => {
  process.stderr.write(`idle-sockets: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
