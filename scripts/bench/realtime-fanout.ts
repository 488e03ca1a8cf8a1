/**
 * Realtime fan-out benchmark: publish → receive latency through our Pusher protocol-7 server,
 * measured side by side with a bare `ws` broadcast baseline in the same run.
 *
 *   npm run bench:realtime -- [--subscribers 50] [--events 500] [--rate 50] [--payload-bytes 256] [--quick]
 *
 * Ours:     `pusher` server SDK --HTTP API--> realtime-server --WS--> N pusher-js clients
 *           subscribed to one private channel (authorised with the SDK's authorizeChannel).
 * Baseline: bare `node:http` POST --> bare `ws` WebSocketServer --WS--> N raw `ws` clients.
 *
 * Both paths include one HTTP hop and one WebSocket hop, carry the same event payload in the same
 * frame shape (`{"event","channel","data":"<json>"}`, decoded twice by the receiver), run at the same
 * open-loop rate, and share one process and event loop with their clients (everything is loopback),
 * so the figures are relative, not a production capacity number. Latency is performance.now() at
 * receipt minus the performance.now() stamped into the payload just before publishing.
 *
 * Exits 1 if any delivery was lost (or a publish failed) on either path, 2 on bad flags or timeout.
 * This is a script, not a test: it prints figures and asserts nothing about speed.
 */
import { once } from "node:events";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { arch, cpus, platform, release } from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import PusherServer from "pusher";
import PusherClient from "pusher-js";
import { WebSocket, WebSocketServer } from "ws";
import type { RealtimeApp } from "../../realtime-server/options";
import { startRealtimeServer, type RealtimeServer } from "../../realtime-server/server";
import { localPusherClient, subscribed as subscribedTo } from "./lib/local-pusher";
import { atRate, formatMs, intFlag, percentile, withTimeout } from "./lib/common";

const HOST = "127.0.0.1";
const APP: RealtimeApp = { id: "bench-app", key: "bench-key", secret: "bench-secret" };
const CHANNEL = "private-bench-fanout";
const EVENT = "bench-event";
const SETUP_TIMEOUT_MS = 15_000;
const DRAIN_TIMEOUT_MS = 5_000;
const WARMUP_SETTLE_MS = 2_000;
const LOOP_DELAY_RESOLUTION_MS = 10;

interface Config {
  subscribers: number;
  events: number;
  rate: number;
  payloadBytes: number;
  warmup: number;
  quick: boolean;
}

interface Payload {
  seq: number;
  /** performance.now() just before publishing. */
  t: number;
  warm?: true;
  pad: string;
}

/** One side of the comparison: connects its subscribers, publishes, tears down. */
interface Target {
  label: string;
  /** Connects `count` subscribers; `onPayload(subscriber, payload)` must run on every delivery. */
  connect(count: number, onPayload: (subscriber: number, payload: Payload) => void): Promise<void>;
  publish(payload: Payload): Promise<void>;
  close(): Promise<void>;
}

interface PhaseResult {
  label: string;
  expected: number;
  delivered: number;
  duplicates: number;
  publishFailures: number;
  firstError: string | null;
  latencyMs: Float64Array; // sorted
  publishRttMs: Float64Array; // sorted
  publishSeconds: number;
  deliverySeconds: number;
  cpuMicros: number;
  loopDelayP99Ms: number;
}

// ---------------------------------------------------------------------------------------------

function parseConfig(argv: string[]): Config {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      subscribers: { type: "string" },
      events: { type: "string" },
      rate: { type: "string" },
      "payload-bytes": { type: "string" },
      warmup: { type: "string" },
      quick: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      [
        "Usage: npm run bench:realtime -- [options]",
        "  --subscribers N     WebSocket subscribers per path (default 50)",
        "  --events M          events published per path (default 500; 200 with --quick)",
        "  --rate R            events per second, open loop (default 50)",
        "  --payload-bytes B   approximate size of the event data JSON (default 256)",
        "  --warmup W          unmeasured events before each run (default min(50, M/10))",
        "  --quick             shorter run for `npm run bench`",
        "",
      ].join("\n"),
    );
    process.exit(0);
  }
  const quick = values.quick === true;
  const events = intFlag(values.events, quick ? 200 : 500, "events", 1);
  return {
    subscribers: intFlag(values.subscribers, 50, "subscribers", 1),
    events,
    rate: intFlag(values.rate, 50, "rate", 1),
    payloadBytes: intFlag(values["payload-bytes"], 256, "payload-bytes", 1),
    warmup: intFlag(values.warmup, Math.min(50, Math.ceil(events / 10)), "warmup", 0),
    quick,
  };
}

// ---------------------------------------------------------------------------------------------
// Ours: realtime-server + official SDKs on both ends.

function oursTarget(): Target {
  let server: RealtimeServer | null = null;
  let sdk: PusherServer | null = null;
  const clients: PusherClient[] = [];

  return {
    label: "ours (pusher)",
    async connect(count, onPayload) {
      server = await startRealtimeServer({ apps: [APP], port: 0, host: HOST });
      const port = server.port;
      const signer = new PusherServer({
        appId: APP.id,
        key: APP.key,
        secret: APP.secret,
        host: HOST,
        port: String(port),
        useTLS: false,
      });
      sdk = signer;
      const subscribed: Promise<void>[] = [];
      for (let i = 0; i < count; i += 1) {
        const client = localPusherClient({ key: APP.key, host: HOST, port, signer });
        clients.push(client);
        subscribed.push(
          subscribedTo(client, CHANNEL).then((ch) => void ch.bind(EVENT, (p: Payload) => onPayload(i, p))),
        );
      }
      await withTimeout(Promise.all(subscribed), SETUP_TIMEOUT_MS, `${count} pusher-js subscriptions`);
    },
    async publish(payload) {
      if (!sdk) throw new Error("not connected");
      await sdk.trigger(CHANNEL, EVENT, payload);
    },
    async close() {
      for (const client of clients.splice(0)) client.disconnect();
      await server?.close();
      server = null;
      sdk = null;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Baseline: the least a broadcast can do with the same hops.

function baselineTarget(): Target {
  let httpServer: Server | null = null;
  let wss: WebSocketServer | null = null;
  let port = 0;
  const clients: WebSocket[] = [];

  return {
    label: "baseline (ws)",
    async connect(count, onPayload) {
      const server = createServer((req, res) => {
        if (req.method !== "POST" || req.url !== "/events") {
          res.writeHead(404).end();
          return;
        }
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () => {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
            name: string;
            channel: string;
            data: string;
          };
          const frame = JSON.stringify({ event: body.name, channel: body.channel, data: body.data });
          for (const ws of socketServer.clients) ws.send(frame);
          res.writeHead(200, { "content-type": "application/json" }).end("{}");
        });
      });
      const socketServer = new WebSocketServer({ server, perMessageDeflate: false });
      httpServer = server;
      wss = socketServer;
      server.listen(0, HOST);
      await once(server, "listening");
      port = (server.address() as AddressInfo).port;

      const opened: Promise<void>[] = [];
      for (let i = 0; i < count; i += 1) {
        const ws = new WebSocket(`ws://${HOST}:${port}/`, { perMessageDeflate: false });
        clients.push(ws);
        ws.on("message", (raw) => {
          const frame = JSON.parse(String(raw)) as { event: string; data: string };
          if (frame.event === EVENT) onPayload(i, JSON.parse(frame.data) as Payload);
        });
        opened.push(
          new Promise<void>((resolve, reject) => {
            ws.once("open", () => resolve());
            ws.once("error", reject);
          }),
        );
      }
      await withTimeout(Promise.all(opened), SETUP_TIMEOUT_MS, `${count} ws connections`);
    },
    publish(payload) {
      const body = JSON.stringify({ name: EVENT, channel: CHANNEL, data: JSON.stringify(payload) });
      return new Promise<void>((resolve, reject) => {
        const req = request(
          {
            host: HOST,
            port,
            path: "/events",
            method: "POST",
            headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on("end", () =>
              res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode ?? "?"}`)),
            );
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    },
    async close() {
      for (const ws of clients.splice(0)) ws.terminate();
      if (wss) {
        for (const ws of wss.clients) ws.terminate();
        const socketServer = wss;
        await new Promise<void>((resolve) => socketServer.close(() => resolve()));
      }
      if (httpServer) {
        const server = httpServer;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
      }
      wss = null;
      httpServer = null;
    },
  };
}

// ---------------------------------------------------------------------------------------------

async function runPhase(target: Target, config: Config): Promise<PhaseResult> {
  const { subscribers, events, rate, warmup } = config;
  const expected = subscribers * events;
  const seen = new Uint8Array(expected);
  const latencies = new Float64Array(expected);
  const publishRtt = new Float64Array(events);
  let delivered = 0;
  let duplicates = 0;
  let warmDelivered = 0;
  let lastReceive = 0;
  let onProgress: (() => void) | null = null;

  const onPayload = (subscriber: number, payload: Payload): void => {
    const now = performance.now();
    if (payload.warm) {
      warmDelivered += 1;
    } else {
      const slot = payload.seq * subscribers + subscriber;
      if (seen[slot]) {
        duplicates += 1;
      } else {
        seen[slot] = 1;
        latencies[delivered] = now - payload.t;
        delivered += 1;
        lastReceive = now;
      }
    }
    onProgress?.();
  };

  const pad = "x".repeat(Math.max(0, config.payloadBytes - 48));
  const publishFailures: string[] = [];
  const publishOne = (seq: number, warm: boolean): Promise<void> => {
    const t = performance.now();
    const payload: Payload = warm ? { seq, t, warm: true, pad } : { seq, t, pad };
    return target.publish(payload).then(
      () => {
        if (!warm) publishRtt[seq] = performance.now() - t;
      },
      (error: unknown) => {
        if (!warm) publishRtt[seq] = Number.NaN;
        publishFailures.push(error instanceof Error ? error.message : String(error));
      },
    );
  };

  await target.connect(subscribers, onPayload);

  // Warm-up: JIT, keep-alive HTTP socket, buffers. Not measured; sent at the same rate.
  const warmPublishes = await atRate(warmup, rate, (seq) => publishOne(seq, true));
  await Promise.all(warmPublishes);
  await waitFor(
    () => warmDelivered >= warmup * subscribers,
    WARMUP_SETTLE_MS,
    (wake) => (onProgress = wake),
  );
  publishFailures.length = 0; // warm-up failures would show up again in the measured run

  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  const cpuBefore = process.cpuUsage();
  loopDelay.enable();
  const firstPublish = performance.now();
  const pending = await atRate(events, rate, (seq) => publishOne(seq, false));
  const lastPublishStarted = performance.now();
  await Promise.all(pending);
  await waitFor(
    () => delivered >= expected,
    DRAIN_TIMEOUT_MS,
    (wake) => (onProgress = wake),
  );
  loopDelay.disable();
  const cpu = process.cpuUsage(cpuBefore);
  onProgress = null;

  await target.close();

  const measured = latencies.subarray(0, delivered).sort();
  const rtt = publishRtt.filter((value) => !Number.isNaN(value)).sort();
  return {
    label: target.label,
    expected,
    delivered,
    duplicates,
    publishFailures: publishFailures.length,
    firstError: publishFailures[0] ?? null,
    latencyMs: measured,
    publishRttMs: rtt,
    publishSeconds: (lastPublishStarted - firstPublish) / 1000,
    deliverySeconds: delivered > 0 ? (lastReceive - firstPublish) / 1000 : 0,
    cpuMicros: cpu.user + cpu.system,
    // The histogram records the whole timer interval, resolution included.
    loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
  };
}

async function waitFor(
  done: () => boolean,
  timeoutMs: number,
  setWake: (wake: (() => void) | null) => void,
): Promise<void> {
  if (done()) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(finish, timeoutMs);
    function finish(): void {
      clearTimeout(timer);
      setWake(null);
      resolve();
    }
    setWake(() => {
      if (done()) finish();
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Reporting

function ratio(ours: number, base: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(base) || base <= 0) return "n/a";
  return `${(ours / base).toFixed(2)}x`;
}

function report(config: Config, ours: PhaseResult, base: PhaseResult): void {
  const rows: Array<[string, string, string, string]> = [];
  for (const p of [50, 95, 99]) {
    const a = percentile(ours.latencyMs, p);
    const b = percentile(base.latencyMs, p);
    rows.push([`latency p${p} (ms)`, formatMs(a), formatMs(b), ratio(a, b)]);
  }
  const maxA = ours.latencyMs.length ? ours.latencyMs[ours.latencyMs.length - 1] : Number.NaN;
  const maxB = base.latencyMs.length ? base.latencyMs[base.latencyMs.length - 1] : Number.NaN;
  rows.push(["latency max (ms)", formatMs(maxA), formatMs(maxB), ratio(maxA, maxB)]);
  rows.push(["delivered / expected", `${ours.delivered}/${ours.expected}`, `${base.delivered}/${base.expected}`, ""]);
  const tputA = ours.deliverySeconds > 0 ? ours.delivered / ours.deliverySeconds : 0;
  const tputB = base.deliverySeconds > 0 ? base.delivered / base.deliverySeconds : 0;
  const offered = config.rate * config.subscribers;
  rows.push([`throughput (deliveries/s, offered ${offered})`, tputA.toFixed(0), tputB.toFixed(0), ratio(tputA, tputB)]);
  const rateA = ours.publishSeconds > 0 ? (config.events - 1) / ours.publishSeconds : 0;
  const rateB = base.publishSeconds > 0 ? (config.events - 1) / base.publishSeconds : 0;
  rows.push(["publish rate achieved (ev/s)", rateA.toFixed(1), rateB.toFixed(1), ""]);
  const rttA50 = percentile(ours.publishRttMs, 50);
  const rttB50 = percentile(base.publishRttMs, 50);
  rows.push(["HTTP publish RTT p50 (ms)", formatMs(rttA50), formatMs(rttB50), ratio(rttA50, rttB50)]);
  const rttA99 = percentile(ours.publishRttMs, 99);
  const rttB99 = percentile(base.publishRttMs, 99);
  rows.push(["HTTP publish RTT p99 (ms)", formatMs(rttA99), formatMs(rttB99), ratio(rttA99, rttB99)]);
  const cpuA = ours.delivered > 0 ? ours.cpuMicros / ours.delivered : Number.NaN;
  const cpuB = base.delivered > 0 ? base.cpuMicros / base.delivered : Number.NaN;
  rows.push(["process CPU per delivery (µs)", cpuA.toFixed(1), cpuB.toFixed(1), ratio(cpuA, cpuB)]);
  rows.push(["event-loop lag p99 (ms)", formatMs(ours.loopDelayP99Ms), formatMs(base.loopDelayP99Ms), ""]);
  if (ours.duplicates || base.duplicates) {
    rows.push(["duplicates", String(ours.duplicates), String(base.duplicates), ""]);
  }
  if (ours.publishFailures || base.publishFailures) {
    rows.push(["failed publishes", String(ours.publishFailures), String(base.publishFailures), ""]);
  }

  const header: [string, string, string, string] = ["", ours.label, base.label, "ours/baseline"];
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("   ");
  process.stdout.write(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("   ")}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  for (const result of [ours, base]) {
    if (result.firstError) process.stdout.write(`${result.label}: first publish error: ${result.firstError}\n`);
  }
}

function machine(): string {
  const list = cpus();
  const model = list[0]?.model.trim() ?? "unknown cpu";
  return `${list.length} x ${model}, ${platform()} ${release()} ${arch()}, node ${process.version}`;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let config: Config;
  try {
    config = parseConfig(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`realtime-fanout: ${error instanceof Error ? error.message : String(error)}\n`);
    process.stderr.write("Run with --help for options.\n");
    return 2;
  }

  const runSeconds = (config.events + config.warmup) / config.rate;
  // Two runs plus setup and drain; a hang anywhere is reported rather than waited out.
  const budgetMs = Math.ceil(2 * runSeconds * 1000 + 2 * (DRAIN_TIMEOUT_MS + WARMUP_SETTLE_MS) + 20_000);
  const watchdog = setTimeout(() => {
    process.stderr.write(`realtime-fanout: timed out after ${budgetMs} ms\n`);
    process.exit(2);
  }, budgetMs);
  try {
    return await runBoth(config);
  } finally {
    clearTimeout(watchdog);
  }
}

async function runBoth(config: Config): Promise<number> {
  process.stdout.write(
    `realtime fan-out: ${config.subscribers} subscribers x ${config.events} events @ ${config.rate}/s, ` +
      `~${config.payloadBytes} B payload, ${config.warmup} warm-up events${config.quick ? " (quick)" : ""}\n` +
      `machine: ${machine()}\n` +
      `ours: pusher SDK -> HTTP API -> realtime-server -> pusher-js (private channel); ` +
      `baseline: node:http POST -> bare ws broadcast -> ws clients. Same process, loopback.\n`,
  );

  const targets = [oursTarget(), baselineTarget()];
  const results: PhaseResult[] = [];
  try {
    for (const target of targets) {
      process.stdout.write(`running ${target.label} ...\n`);
      try {
        results.push(await runPhase(target, config));
      } catch (error) {
        await target.close().catch(() => undefined);
        throw error;
      }
    }
  } catch (error) {
    process.stderr.write(`realtime-fanout: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }

  const [ours, base] = results;
  report(config, ours, base);

  const lost = results.filter((r) => r.delivered < r.expected || r.publishFailures > 0);
  if (lost.length > 0) {
    for (const r of lost) {
      process.stdout.write(
        `LOST: ${r.label} delivered ${r.delivered} of ${r.expected} (${r.publishFailures} failed publishes)\n`,
      );
    }
    return 1;
  }
  return 0;
}

// Servers and clients all live in this process, so exiting closes every socket with it.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    process.stderr.write(`realtime-fanout: ${signal}, exiting\n`);
    process.exit(130);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
    // Everything was closed; if a stray handle still holds the loop open, say so instead of hanging.
    setTimeout(() => {
      process.stderr.write("realtime-fanout: handles still open after shutdown, forcing exit\n");
      process.exit(code || 1);
    }, 3_000).unref();
  },
  (error: unknown) => {
    process.stderr.write(
      `realtime-fanout: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
