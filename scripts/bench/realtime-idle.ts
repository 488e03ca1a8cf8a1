/**
 * Realtime server at scale (issue 9): publish → receive latency to 50 subscribers while 5,000
 * other sockets sit idle on the same server, next to the same publishes without the idle sockets
 * (the baseline, same run, same server process), and what each idle socket costs in memory.
 *
 *   npm run bench:realtime-idle -- [--idle 5000] [--subscribers 50] [--events 500] [--rate 50]
 *                                  [--idle-ping 15] [--payload-bytes 256] [--quick] [--json]
 *
 * Server:      scripts/realtime-server.ts — the production entry, production defaults (sign-in
 *              timeout 30 s, so every socket signs in) — in its own process. Its memory is read
 *              from /proc/<pid>/status (VmRSS, RssAnon) and its V8 heap after a forced GC through
 *              a preloaded probe (lib/memory-probe.ts, IPC); its CPU from /proc/<pid>/stat.
 * Idle:        --idle raw `ws` sockets in a second process (lib/idle-sockets.ts), each signed in and
 *              subscribed to a private channel (10 per channel, never the measured one), then only
 *              pinging every --idle-ping s like pusher-js with the app's 15 s activityTimeout.
 * Subscribers: --subscribers pusher-js clients in this process, signed in, on one private channel.
 * Publisher:   the `pusher` SDK's trigger() (HTTP API), open loop at --rate/s, --events events per
 *              phase after unmeasured warm-up events. Latency = performance.now() at receipt minus
 *              the performance.now() stamped into the payload just before trigger().
 * Order:       baseline phase → memory before → open the idle sockets → settle → memory after →
 *              phase with idle sockets → close them → the baseline again (on a shared machine, a
 *              difference that does not go away with the sockets is drift, not their cost).
 *              Memory per idle socket = (after − before) / --idle; kernel socket buffers are not
 *              in RSS and are not counted. CPU of each process per phase from /proc and
 *              process.cpuUsage(); trigger()'s round trip shows how long the server took to fan out.
 *
 * Everything is loopback on one machine: compare the two phases, not the absolute figures with
 * a production network. The issue's target (p95 < 50 ms with the idle sockets) is printed next
 * to the figures, never asserted.
 * Exit 1 if a delivery is lost, a publish fails, or an idle socket fails to open or is dropped;
 * 2 on bad flags, a file-descriptor limit too low, or a timeout.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { arch, cpus, loadavg, platform, release } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import PusherServer from "pusher";
import PusherClient from "pusher-js";
import { REPO_ROOT } from "../db/database-url";
import type { IdleMessage } from "./lib/idle-sockets";
import { freePort } from "./lib/realtime-process";
import { localPusherClient, subscribed as subscribedTo } from "./lib/local-pusher";
import { atRate, formatMs, intFlag, percentile, sleep, UsageError, withTimeout } from "./lib/common";

const HOST = "127.0.0.1";
const APP = { id: "bench-idle", key: "bench-idle-key", secret: "bench-idle-secret" };
const CHANNEL = "private-loc-bench-kitchen";
const EVENT = "bench-event";
const IDLE_PER_CHANNEL = 10;
/** realtime-server/options.ts maxConnections default; scripts/realtime-server.ts does not change it. */
const SERVER_MAX_CONNECTIONS = 10_000;
const TARGET_P95_MS = 50;
const SETTLE_MS = 3_000;
const DRAIN_TIMEOUT_MS = 5_000;
const SETUP_TIMEOUT_MS = 30_000;
const LOOP_DELAY_RESOLUTION_MS = 10;
const FD_HEADROOM = 256;
const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface Config {
  idle: number;
  subscribers: number;
  events: number;
  rate: number;
  warmup: number;
  idlePing: number;
  payloadBytes: number;
  quick: boolean;
  json: boolean;
}

function parseConfig(argv: string[]): Config {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      idle: { type: "string" },
      subscribers: { type: "string" },
      events: { type: "string" },
      rate: { type: "string" },
      warmup: { type: "string" },
      "idle-ping": { type: "string" },
      "payload-bytes": { type: "string" },
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(
      [
        "Usage: npm run bench:realtime-idle -- [options]",
        "  --idle N            idle signed-in, subscribed sockets (default 5000; 1000 with --quick)",
        "  --subscribers S     pusher-js subscribers of the measured channel (default 50)",
        "  --events M          measured events per phase (default 500; 200 with --quick)",
        "  --rate R            events per second, open loop (default 50)",
        "  --warmup W          unmeasured events before each phase (default min(50, M/10))",
        "  --idle-ping P       seconds between an idle socket's pusher:ping (default 15; 0 = never)",
        "  --payload-bytes B   approximate size of the event data JSON (default 256)",
        "  --quick             fewer sockets and events (for `npm run bench`)",
        "  --json              print the figures as JSON",
        "",
      ].join("\n"),
    );
    process.exit(0);
  }
  const quick = values.quick === true;
  const events = intFlag(values.events, quick ? 200 : 500, "events", 1);
  const config: Config = {
    idle: intFlag(values.idle, quick ? 1000 : 5000, "idle", 1),
    subscribers: intFlag(values.subscribers, 50, "subscribers", 1),
    events,
    rate: intFlag(values.rate, 50, "rate", 1),
    warmup: intFlag(values.warmup, Math.min(50, Math.ceil(events / 10)), "warmup", 0),
    idlePing: intFlag(values["idle-ping"], 15, "idle-ping", 0),
    payloadBytes: intFlag(values["payload-bytes"], 256, "payload-bytes", 1),
    quick,
    json: values.json === true,
  };
  if (config.idle + config.subscribers > SERVER_MAX_CONNECTIONS) {
    throw new UsageError(
      `--idle + --subscribers must stay within the server's ${SERVER_MAX_CONNECTIONS} connections (realtime-server/options.ts maxConnections)`,
    );
  }
  return config;
}

// ---- processes, file descriptors, /proc --------------------------------------------------------

/** Soft and hard RLIMIT_NOFILE of this process (children inherit them). */
function fdLimits(): { soft: number; hard: number } {
  const line = readFileSync("/proc/self/limits", "utf8")
    .split("\n")
    .find((l) => l.startsWith("Max open files"));
  const [soft, hard] = (line?.match(/(\d+|unlimited)\s+(\d+|unlimited)/)?.slice(1) ?? []).map((v) =>
    v === "unlimited" ? Infinity : Number(v),
  );
  return { soft: soft ?? 1024, hard: hard ?? 1024 };
}

/**
 * Node raises its soft RLIMIT_NOFILE to the hard limit at startup and children inherit it (tried
 * on Linux: started under `ulimit -Sn 1024`, Node reports the hard limit), so the limit this process
 * reports is the one that counts: refuse up front rather than fail with EMFILE half way through.
 */
function spawnWithFds(needed: number, command: string, args: string[], options: SpawnOptions): ChildProcess {
  const { soft, hard } = fdLimits();
  if (soft < needed) {
    throw new UsageError(
      `needs ${needed} file descriptors per process but the limit is ${soft} (hard ${hard}): raise it (ulimit -Hn) or lower --idle`,
    );
  }
  return spawn(command, args, options);
}

interface ProcMemory {
  rssKb: number;
  rssAnonKb: number;
}

function procMemory(pid: number): ProcMemory {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssKb: kb("VmRSS"), rssAnonKb: kb("RssAnon") };
}

/** utime + stime of a process, in seconds. */
function procCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

interface HeapUsage {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

function requestMemory(child: ChildProcess): Promise<HeapUsage & { gc: boolean }> {
  return withTimeout(
    new Promise((resolve) => {
      const onMessage = (message: { type?: string; gc?: boolean; usage?: NodeJS.MemoryUsage }) => {
        if (message.type !== "memory" || !message.usage) return;
        child.off("message", onMessage);
        const { heapUsed, external, arrayBuffers } = message.usage;
        resolve({ heapUsed, external, arrayBuffers, gc: message.gc === true });
      };
      child.on("message", onMessage);
      child.send({ type: "memory" });
    }),
    10_000,
    "the server's memory probe",
  );
}

interface MemorySample extends ProcMemory, HeapUsage {
  gc: boolean;
}

async function sampleMemory(server: ChildProcess): Promise<MemorySample> {
  const heap = await requestMemory(server);
  return { ...heap, ...procMemory(server.pid!) };
}

async function startServer(port: number, fds: number): Promise<ChildProcess> {
  const probe = path.join(REPO_ROOT, "scripts", "bench", "lib", "memory-probe.ts");
  const entry = path.join(REPO_ROOT, "scripts", "realtime-server.ts");
  const child = spawnWithFds(fds, process.execPath, ["--expose-gc", "--import", "tsx", "--import", probe, entry], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      REALTIME_PORT: String(port),
      REALTIME_HOST: HOST,
      PUSHER_APP_ID: APP.id,
      PUSHER_KEY: APP.key,
      PUSHER_SECRET: APP.secret,
      REALTIME_LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) break;
    const up = await fetch(`http://${HOST}:${port}/stats`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await sleep(100);
  }
  child.kill("SIGTERM");
  throw new Error("realtime server did not start");
}

async function serverStats(port: number): Promise<{ connections: number; subscriptions: number }> {
  const res = await fetch(`http://${HOST}:${port}/stats`);
  return (await res.json()) as { connections: number; subscriptions: number };
}

// ---- idle sockets (child process) ------------------------------------------------------------

interface IdleSockets {
  child: ChildProcess;
  ready: Extract<IdleMessage, { type: "ready" }>;
  report(): Promise<Extract<IdleMessage, { type: "report" }>>;
  /** Terminates every idle socket; resolves when the process has exited. */
  close(): Promise<void>;
}

async function openIdleSockets(config: Config, port: number, fds: number): Promise<IdleSockets> {
  const script = path.join(REPO_ROOT, "scripts", "bench", "lib", "idle-sockets.ts");
  const child = spawnWithFds(
    fds,
    process.execPath,
    [
      "--import",
      "tsx",
      script,
      "--port",
      String(port),
      "--count",
      String(config.idle),
      "--per-channel",
      String(IDLE_PER_CHANNEL),
      "--ping",
      String(config.idlePing),
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, PUSHER_APP_ID: APP.id, PUSHER_KEY: APP.key, PUSHER_SECRET: APP.secret },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  const next = <T extends IdleMessage["type"]>(type: T) =>
    new Promise<Extract<IdleMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: IdleMessage) => {
        if (message.type !== type) return;
        cleanup();
        resolve(message as Extract<IdleMessage, { type: T }>);
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`idle-socket process exited (${code}) before "${type}"`));
      };
      const cleanup = () => {
        child.off("message", onMessage);
        child.off("exit", onExit);
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  const ready = await withTimeout(next("ready"), SETUP_TIMEOUT_MS + config.idle * 20, `${config.idle} idle sockets`);
  return {
    child,
    ready,
    report: () => {
      const reply = withTimeout(next("report"), 10_000, "the idle-socket report");
      child.send({ type: "report" });
      return reply;
    },
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      if (child.connected) child.send({ type: "close" });
      const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ---- measured subscribers and publisher ------------------------------------------------------

interface Payload {
  seq: number;
  phase: number;
  t: number;
  warm?: true;
  pad: string;
}

function connectSubscribers(
  count: number,
  port: number,
  signer: PusherServer,
  onPayload: (subscriber: number, payload: Payload) => void,
): { clients: PusherClient[]; subscribed: Promise<unknown> } {
  const clients: PusherClient[] = [];
  const subscribed: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const client = localPusherClient({ key: APP.key, host: HOST, port, signer, userId: `subscriber-${i}` });
    clients.push(client);
    subscribed.push(subscribedTo(client, CHANNEL).then((ch) => void ch.bind(EVENT, (p: Payload) => onPayload(i, p))));
  }
  return { clients, subscribed: withTimeout(Promise.all(subscribed), SETUP_TIMEOUT_MS, `${count} subscriptions`) };
}

interface PhaseResult {
  label: string;
  expected: number;
  delivered: number;
  duplicates: number;
  publishFailures: number;
  firstError: string | null;
  latencyMs: Float64Array; // sorted
  /** trigger() round trips: the server answers after it has written the frames to its sockets. */
  publishRttMs: Float64Array; // sorted
  cpuPercent: { server: number; idleSockets: number | null; bench: number };
  loopDelayP99Ms: number;
}

/** Routes deliveries to the running phase; subscribers stay connected across phases. */
class Deliveries {
  phase = -1;
  private seen = new Uint8Array(0);
  private latencies = new Float64Array(0);
  delivered = 0;
  duplicates = 0;
  warmDelivered = 0;
  private wake: (() => void) | null = null;
  constructor(private readonly subscribers: number) {}

  start(phase: number, events: number): void {
    this.phase = phase;
    this.seen = new Uint8Array(events * this.subscribers);
    this.latencies = new Float64Array(events * this.subscribers);
    this.delivered = 0;
    this.duplicates = 0;
    this.warmDelivered = 0;
  }

  record = (subscriber: number, payload: Payload): void => {
    const now = performance.now();
    if (payload.phase !== this.phase) return;
    if (payload.warm) this.warmDelivered += 1;
    else {
      const slot = payload.seq * this.subscribers + subscriber;
      if (this.seen[slot]) this.duplicates += 1;
      else {
        this.seen[slot] = 1;
        this.latencies[this.delivered++] = now - payload.t;
      }
    }
    this.wake?.();
  };

  async until(done: () => boolean, timeoutMs: number): Promise<void> {
    if (done()) return;
    await new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.wake = () => done() && finish();
    });
  }

  sorted(): Float64Array {
    return this.latencies.slice(0, this.delivered).sort();
  }
}

async function runPhase(
  label: string,
  phase: number,
  config: Config,
  sdk: PusherServer,
  deliveries: Deliveries,
  pids: { server: number; idleSockets: number | null },
): Promise<PhaseResult> {
  const { events, rate, warmup, subscribers } = config;
  const pad = "x".repeat(Math.max(0, config.payloadBytes - 60));
  const failures: string[] = [];
  const rtt = new Float64Array(events).fill(Number.NaN);
  const publish = (seq: number, warm: boolean) => {
    const payload: Payload = { seq, phase, t: performance.now(), pad, ...(warm ? { warm: true as const } : {}) };
    return sdk.trigger(CHANNEL, EVENT, payload).then(
      () => void (warm || (rtt[seq] = performance.now() - payload.t)),
      (error: unknown) => void failures.push(error instanceof Error ? error.message : String(error)),
    );
  };

  deliveries.start(phase, events);
  await Promise.all(await atRate(warmup, rate, (seq) => publish(seq, true)));
  await deliveries.until(() => deliveries.warmDelivered >= warmup * subscribers, DRAIN_TIMEOUT_MS);
  failures.length = 0;

  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  loopDelay.enable();
  const serverCpu = procCpuSeconds(pids.server);
  const idleCpu = pids.idleSockets === null ? 0 : procCpuSeconds(pids.idleSockets);
  const benchCpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(await atRate(events, rate, (seq) => publish(seq, false)));
  await deliveries.until(() => deliveries.delivered >= events * subscribers, DRAIN_TIMEOUT_MS);
  const seconds = (performance.now() - started) / 1000;
  const percent = (cpuSeconds: number) => (cpuSeconds / seconds) * 100;
  const bench = process.cpuUsage(benchCpu);
  const cpuPercent = {
    server: percent(procCpuSeconds(pids.server) - serverCpu),
    idleSockets: pids.idleSockets === null ? null : percent(procCpuSeconds(pids.idleSockets) - idleCpu),
    bench: percent((bench.user + bench.system) / 1e6),
  };
  loopDelay.disable();

  return {
    label,
    expected: events * subscribers,
    delivered: deliveries.delivered,
    duplicates: deliveries.duplicates,
    publishFailures: failures.length,
    firstError: failures[0] ?? null,
    latencyMs: deliveries.sorted(),
    publishRttMs: rtt.filter((v) => !Number.isNaN(v)).sort(),
    cpuPercent,
    loopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
  };
}

// ---- reporting ---------------------------------------------------------------------------------

function latencySummary(r: PhaseResult) {
  const s = r.latencyMs;
  return {
    samples: s.length,
    expected: r.expected,
    lost: r.expected - r.delivered,
    duplicates: r.duplicates,
    publishFailures: r.publishFailures,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.length ? s[s.length - 1] : Number.NaN,
    publishRttP50: percentile(r.publishRttMs, 50),
    publishRttP99: percentile(r.publishRttMs, 99),
    cpuPercent: r.cpuPercent,
    benchLoopDelayP99Ms: r.loopDelayP99Ms,
  };
}

function memorySummary(before: MemorySample, after: MemorySample, idle: number) {
  const perSocketKb = (bytesAfter: number, bytesBefore: number) => (bytesAfter - bytesBefore) / 1024 / idle;
  return {
    before,
    after,
    perIdleSocketKb: {
      rss: (after.rssKb - before.rssKb) / idle,
      rssAnon: (after.rssAnonKb - before.rssAnonKb) / idle,
      heapUsed: perSocketKb(after.heapUsed, before.heapUsed),
      external: perSocketKb(after.external + after.arrayBuffers, before.external + before.arrayBuffers),
    },
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("   ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("   "), ...rows.map(line)].join("\n");
}

type Result = ReturnType<typeof buildResult>;

function buildResult(
  config: Config,
  base: PhaseResult,
  withIdle: PhaseResult,
  afterIdle: PhaseResult,
  memory: ReturnType<typeof memorySummary>,
  idle: { ready: Extract<IdleMessage, { type: "ready" }>; report: Extract<IdleMessage, { type: "report" }> },
  connections: number,
) {
  return {
    config,
    machine: machine(),
    target: { p95Ms: TARGET_P95_MS, withIdleP95Ms: percentile(withIdle.latencyMs, 95) },
    baseline: latencySummary(base),
    withIdle: latencySummary(withIdle),
    afterIdleClosed: latencySummary(afterIdle),
    memory,
    idleSockets: {
      opened: idle.ready.opened,
      failed: idle.ready.failed,
      firstError: idle.ready.firstError,
      openSeconds: idle.ready.seconds,
      serverConnectionsCounted: connections,
      ...idle.report,
    },
  };
}

function printReport(r: Result): void {
  const phases = [r.baseline, r.withIdle, r.afterIdleClosed];
  const [b, w] = phases;
  const ratio = (x: number, y: number) => (Number.isFinite(x) && y > 0 ? `${(x / y).toFixed(2)}x` : "n/a");
  const pct = (v: number | null) => (v === null ? "-" : v.toFixed(0));
  const rows = (["p50", "p95", "p99", "max"] as const).map((k) => [
    `latency ${k} (ms)`,
    ...phases.map((x) => formatMs(x[k])),
    ratio(w[k], b[k]),
  ]);
  rows.push(["delivered / expected", ...phases.map((x) => `${x.samples}/${x.expected}`), ""]);
  rows.push(["trigger() round trip p50 (ms)", ...phases.map((x) => formatMs(x.publishRttP50)), ""]);
  rows.push(["trigger() round trip p99 (ms)", ...phases.map((x) => formatMs(x.publishRttP99)), ""]);
  rows.push(["CPU % realtime server", ...phases.map((x) => pct(x.cpuPercent.server)), ""]);
  rows.push(["CPU % idle-socket process", ...phases.map((x) => pct(x.cpuPercent.idleSockets)), ""]);
  rows.push(["CPU % this process (subscribers)", ...phases.map((x) => pct(x.cpuPercent.bench)), ""]);
  rows.push(["event-loop lag p99, this process (ms)", ...phases.map((x) => formatMs(x.benchLoopDelayP99Ms)), ""]);
  if (phases.some((x) => x.publishFailures)) {
    rows.push(["failed publishes", ...phases.map((x) => String(x.publishFailures)), ""]);
  }
  const { idle } = r.config;
  const header = ["publish -> pusher-js subscriber", "baseline", `with ${idle} idle`, "idle closed", "idle/baseline"];
  process.stdout.write(`\n${table(header, rows)}\n`);
  process.stdout.write(
    `target: p95 < ${TARGET_P95_MS} ms with the idle sockets — measured ${formatMs(r.target.withIdleP95Ms)} ms\n`,
  );

  const m = r.memory;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const kbToMb = (kb: number) => (kb / 1024).toFixed(1);
  const memRows = [
    ["RSS (VmRSS)", kbToMb(m.before.rssKb), kbToMb(m.after.rssKb), m.perIdleSocketKb.rss.toFixed(2)],
    [
      "anonymous RSS (RssAnon)",
      kbToMb(m.before.rssAnonKb),
      kbToMb(m.after.rssAnonKb),
      m.perIdleSocketKb.rssAnon.toFixed(2),
    ],
    [
      `V8 heap used${m.after.gc ? " (after GC)" : ""}`,
      mb(m.before.heapUsed),
      mb(m.after.heapUsed),
      m.perIdleSocketKb.heapUsed.toFixed(2),
    ],
    [
      "external + array buffers",
      mb(m.before.external + m.before.arrayBuffers),
      mb(m.after.external + m.after.arrayBuffers),
      m.perIdleSocketKb.external.toFixed(2),
    ],
  ];
  process.stdout.write(
    `\n${table(["realtime server memory", "before (MB)", `with ${idle} idle (MB)`, "per idle socket (KB)"], memRows)}\n`,
  );
  const s = r.idleSockets;
  process.stdout.write(
    `idle sockets: ${s.opened} opened in ${s.openSeconds.toFixed(1)} s (${(s.opened / s.openSeconds).toFixed(0)}/s), ` +
      `${s.failed} failed, ${s.dropped} dropped later, server counted ${s.serverConnectionsCounted} connections; ` +
      `${s.pingsSent} pings sent, ${s.pongsReceived} pongs back, ${s.serverPings} server pings\n`,
  );
  if (s.firstError) process.stdout.write(`first idle-socket error: ${s.firstError}\n`);
  process.stdout.write(`machine at the end: ${r.machine}\n`);
}

function machine(): string {
  const list = cpus();
  return (
    `${list.length} x ${list[0]?.model.trim() ?? "unknown cpu"}, ${platform()} ${release()} ${arch()}, node ${process.version}, ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`
  );
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let config: Config;
  try {
    config = parseConfig(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`realtime-idle: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const log = (m: string) => !config.json && process.stdout.write(`${m}\n`);
  const phaseSeconds = (config.events + config.warmup) / config.rate;
  const budgetMs = Math.ceil(3 * phaseSeconds * 1000 + config.idle * 20 + 4 * SETUP_TIMEOUT_MS + 20_000);
  const watchdog = setTimeout(() => {
    process.stderr.write(`realtime-idle: timed out after ${budgetMs} ms\n`);
    void stopAll().finally(() => process.exit(2));
  }, budgetMs);
  watchdog.unref();

  log(
    `realtime idle: ${config.idle} idle sockets (ping every ${config.idlePing} s), ${config.subscribers} subscribers x ` +
      `${config.events} events @ ${config.rate}/s per phase, ~${config.payloadBytes} B payload${config.quick ? " (quick)" : ""}\n` +
      `machine: ${machine()}; file descriptors: soft ${fdLimits().soft}, hard ${fdLimits().hard}`,
  );

  const port = await freePort();
  try {
    server = await startServer(port, config.idle + config.subscribers + FD_HEADROOM);
    const sdk = new PusherServer({
      appId: APP.id,
      key: APP.key,
      secret: APP.secret,
      host: HOST,
      port: String(port),
      useTLS: false,
    });
    const deliveries = new Deliveries(config.subscribers);
    const subs = connectSubscribers(config.subscribers, port, sdk, deliveries.record);
    clients = subs.clients;
    await subs.subscribed;

    log("baseline: publishing without idle sockets…");
    const base = await runPhase("baseline", 0, config, sdk, deliveries, { server: server.pid!, idleSockets: null });
    const before = await sampleMemory(server);

    log(`opening ${config.idle} idle sockets…`);
    idle = await openIdleSockets(config, port, config.idle + FD_HEADROOM);
    await sleep(SETTLE_MS);
    const after = await sampleMemory(server);
    const { connections } = await serverStats(port);

    log(`publishing with ${idle.ready.opened} idle sockets…`);
    const withIdle = await runPhase("with idle", 1, config, sdk, deliveries, {
      server: server.pid!,
      idleSockets: idle.child.pid!,
    });
    const report = await idle.report();
    const { ready } = idle;

    // The same publishes once more after the idle sockets are gone: tells their effect from drift.
    log("closing the idle sockets; publishing again…");
    await idle.close();
    idle = null;
    for (let i = 0; i < 100 && (await serverStats(port)).connections > config.subscribers; i++) await sleep(100);
    const afterIdle = await runPhase("idle closed", 2, config, sdk, deliveries, {
      server: server.pid!,
      idleSockets: null,
    });

    const result = buildResult(
      config,
      base,
      withIdle,
      afterIdle,
      memorySummary(before, after, Math.max(1, ready.opened)),
      { ready, report },
      connections,
    );
    if (config.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else printReport(result);

    const problems: string[] = [];
    for (const phase of [base, withIdle, afterIdle]) {
      if (phase.delivered < phase.expected)
        problems.push(`${phase.label}: ${phase.expected - phase.delivered} deliveries lost`);
      if (phase.publishFailures)
        problems.push(`${phase.label}: ${phase.publishFailures} publishes failed (${phase.firstError})`);
    }
    if (ready.failed) problems.push(`${ready.failed} idle sockets failed to open`);
    if (report.dropped) problems.push(`${report.dropped} idle sockets dropped (${JSON.stringify(report.dropCodes)})`);
    for (const p of problems) process.stderr.write(`realtime-idle: ${p}\n`);
    return problems.length ? 1 : 0;
  } catch (error) {
    process.stderr.write(`realtime-idle: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    clearTimeout(watchdog);
    await stopAll();
  }
}

let server: ChildProcess | null = null;
let idle: IdleSockets | null = null;
let clients: PusherClient[] = [];

async function stopAll(): Promise<void> {
  for (const client of clients.splice(0)) client.disconnect();
  const sockets = idle;
  idle = null;
  await sockets?.close();
  const s = server;
  server = null;
  if (s && s.exitCode === null && s.signalCode === null) {
    const exited = once(s, "exit");
    s.kill("SIGTERM");
    const timer = setTimeout(() => s.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    process.stderr.write(`realtime-idle: ${signal}, stopping\n`);
    void stopAll().finally(() => process.exit(130));
  });
}

main().then(
  (code) => {
    process.exitCode = code;
    setTimeout(() => {
      process.stderr.write("realtime-idle: handles still open after shutdown, forcing exit\n");
      process.exit(code || 1);
    }, 3_000).unref();
  },
  (error: unknown) => {
    process.stderr.write(`realtime-idle: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
