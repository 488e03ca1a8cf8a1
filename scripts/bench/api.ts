/**
 * API benchmark: the routes tablets call, over HTTP, against the production build (`next start`),
 * with a baseline route through the same middleware and `route()` wrapper in the same run.
 *
 *   npm run bench:api -- [--duration 30] [--connections 32] [--rate 8] [--port 3400] [--realtime-port 6401]
 *                        [--build] [--quick] [--json]
 *
 * Setup: a scratch database (migrated + demo seed, dropped afterwards) with stock set high, one
 * MANAGER per connection (the one role allowed every route below; a role costs one table lookup)
 * and a floor area with a table per connection; the realtime server (its own process) and
 * `next start` (its own process, REDIS_URL unset: per-process limits). Each connection signs in
 * through next-auth's credentials endpoint (argon2, a UserSession row), opens one order on its
 * table and 7 counter orders through POST /api/v1/orders, and warms every route once.
 *
 * Phases, one after the other, each --duration seconds, driven by autocannon: --connections
 * keep-alive connections, each with its own session cookie.
 *   baseline  GET /api/v1/me: middleware → route() (session + UserSession row + membership,
 *             permission, API limiter, zod) → one small query (the user's memberships).
 *   read mix  each connection cycles GET /api/v1/menu/order-pad, /api/v1/floor and
 *             /api/v1/kitchen/snapshot?station=grill (reported together and per route).
 *   send      POST /api/v1/orders/:id/send with a fresh Idempotency-Key each time, Origin of the
 *             app (CSRF rule for cookie requests) and a burger with a side + two iced teas, rotating
 *             over the connection's orders (about 30 sends per order in a 30 s run at 8/s).
 *
 * Pacing: the API limiter allows 600 requests per minute per user, so by default each connection
 * sends at most --rate 8 requests a second (autocannon's connectionRate: each second's quota goes out
 * back to back, so all connections are in flight together at the start of every second). Throughput
 * therefore tops out at connections × rate; a route below that is saturated. --rate 0 sends as fast
 * as answers come back, and a user faster than 10/s gets 429s, counted as errors.
 *
 * Latency is autocannon's per-response time (request written → response complete), all statuses.
 * RSS is VmRSS of the `next start` process from /proc: after the warm-up, after each phase, and the
 * peak sampled every 500 ms. Everything runs on this machine (client, app, database, realtime):
 * compare the ratios, not the absolute figures.
 *
 * Database: the server of BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL (any database
 * there works as the admin connection), else postgresql://postgres@127.0.0.1:5432/postgres.
 * Needs `next build` first (.next/BUILD_ID, or NEXT_DIST_DIR's), or pass --build.
 * Exit 1 if any request errored (non-2xx, socket error or timeout) or the setup failed; 2 on bad
 * flags, a missing build or a port in use. Speed is reported, not asserted.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { relative } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { DEVELOPMENT_PII_ENV } from "../../lib/pii/pii-crypto";
import { createScratchDatabase, migrateDatabase, REPO_ROOT, type ScratchDatabase } from "../db/database-url";
import { buildIdPath, buildIsStale, NEXT_BIN, waitForExit, waitUntilServing } from "../app/next-server";
import { startRealtimeProcess } from "./lib/realtime-process";
import { intFlag, percentile } from "./lib/common";
import { pool, portIsFree, rssMb, signIn as signInAs, Tail } from "./lib/http-session";

const APP = { id: "bench-api", key: "bench-api-key", secret: "bench-api-secret" };
const SECRET = "bench-api-only-secret-0123456789abcdef0123456789";
const PASSWORD = "bench-api-password-2026";
const ORDERS_PER_CONNECTION = 8;
const STATION = "grill";
/** Sign-ins per address: 60 per 5 minutes (lib/ops/rate-limit.ts); one per connection plus a margin. */
const MAX_CONNECTIONS = 50;
/** The API limiter: 600 requests per minute per user. */
const API_LIMIT_PER_SECOND = 10;
const REQUEST_TIMEOUT_S = 10;

type Config = {
  duration: number;
  connections: number;
  rate: number;
  port: number;
  realtimePort: number;
  build: boolean;
  json: boolean;
};

function parseConfig(): Config {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      duration: { type: "string" },
      connections: { type: "string" },
      rate: { type: "string" },
      port: { type: "string" },
      "realtime-port": { type: "string" },
      build: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  return {
    duration: intFlag(values.duration, values.quick ? 5 : 30, "duration", 1, 3600),
    connections: intFlag(values.connections, 32, "connections", 1, MAX_CONNECTIONS),
    rate: intFlag(values.rate, 8, "rate", 0, 1000),
    port: intFlag(values.port, Number(process.env.BENCH_APP_PORT ?? 3400), "port", 1, 65_535),
    realtimePort: intFlag(
      values["realtime-port"],
      Number(process.env.BENCH_REALTIME_PORT ?? 6401),
      "realtime-port",
      1,
      65_535,
    ),
    build: values.build ?? false,
    json: values.json ?? false,
  };
}

// ---- stats ---------------------------------------------------------------------------------

type Stats = {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  socketErrors: number;
  errors: number;
};

function summarise(samples: number[], seconds: number, non2xx: number, socketErrors: number): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => percentile(s, p);
  return {
    requests: s.length,
    rps: s.length / seconds,
    p50: q(50),
    p95: q(95),
    p99: q(99),
    max: s[s.length - 1] ?? NaN,
    non2xx,
    socketErrors,
    errors: non2xx + socketErrors,
  };
}

// ---- HTTP setup: sign-in, orders, warm-up ----------------------------------------------------

type Session = { email: string; cookie: string; tableId: string; orders: string[] };

async function call(base: string, s: Session, method: "GET" | "POST", path: string, body?: unknown) {
  const headers: Record<string, string> = { cookie: s.cookie, accept: "application/json" };
  if (method === "POST") {
    headers.origin = base;
    headers["content-type"] = "application/json";
    if (path.endsWith("/send")) headers["idempotency-key"] = randomUUID();
  }
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} as ${s.email}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

// ---- autocannon phases -----------------------------------------------------------------------

type Job = { label: string; method: "GET" | "POST"; path: () => string; body?: string; send?: boolean };
type PhaseResult = { total: Stats; routes: Record<string, Stats>; seconds: number };
type ErrorSample = { phase: string; route: string; status: number | string; body: string };

let running: autocannon.Instance | null = null;
let interrupted = false;

async function runPhase(
  name: string,
  cfg: Config,
  base: string,
  sessions: Session[],
  jobsFor: (s: Session) => Job[],
  errorSamples: ErrorSample[],
): Promise<PhaseResult> {
  const samples = new Map<string, number[]>();
  const non2xx = new Map<string, number>();
  let lastLabel = "";
  let nextSession = 0;
  let socketErrors = 0;
  const url = new URL(base);
  let finish!: (error: unknown) => void;
  const finished = new Promise<void>((resolve, reject) => {
    finish = (error) => (error ? reject(error) : resolve());
  });
  const instance = autocannon(
    {
      url: base,
      connections: sessions.length,
      duration: cfg.duration,
      timeout: REQUEST_TIMEOUT_S,
      ...(cfg.rate ? { connectionRate: cfg.rate } : {}),
      // We keep raw samples; autocannon's rate correction would invent latencies of its own.
      ignoreCoordinatedOmission: true,
      // Each connection is one tablet: its own session and its own requests.
      setupClient: (client) => {
        const i = nextSession++;
        const s = sessions[i % sessions.length];
        const jobs = jobsFor(s);
        // Connections start at different routes of a mix, so a short run still spreads over all.
        const rotated = [...jobs.slice(i % jobs.length), ...jobs.slice(0, i % jobs.length)];
        client.setRequests(
          rotated.map((job) => ({
            method: job.method,
            path: job.path(),
            setupRequest: (req) => {
              req.path = job.path();
              req.headers = { ...baseHeaders(s, url), ...(job.method === "POST" ? postHeaders(url, job) : {}) };
              if (job.body) req.body = job.body;
              return req;
            },
            onResponse: (status, body) => {
              lastLabel = job.label;
              if (status < 200 || status >= 300) {
                non2xx.set(job.label, (non2xx.get(job.label) ?? 0) + 1);
                if (errorSamples.length < 5)
                  errorSamples.push({ phase: name, route: job.label, status, body: body.slice(0, 300) });
              }
            },
          })),
        );
      },
    },
    (error) => finish(error),
  );
  running = instance;
  // onResponse runs right before this event for the same response (autocannon's client).
  instance.on("response", (_client, _status, _bytes, responseTime) => {
    const list = samples.get(lastLabel) ?? [];
    list.push(responseTime);
    samples.set(lastLabel, list);
  });
  instance.on("reqError", (error: unknown) => {
    socketErrors++;
    if (errorSamples.length < 5)
      errorSamples.push({ phase: name, route: "(socket)", status: "error", body: String(error) });
  });
  const started = performance.now();
  await finished;
  running = null;
  const seconds = (performance.now() - started) / 1000;
  const routes: Record<string, Stats> = {};
  for (const [label, list] of samples) routes[label] = summarise(list, seconds, non2xx.get(label) ?? 0, 0);
  const all = [...samples.values()].flat();
  const total = summarise(
    all,
    seconds,
    [...non2xx.values()].reduce((a, b) => a + b, 0),
    socketErrors,
  );
  return { total, routes, seconds };
}

function baseHeaders(s: Session, url: URL): Record<string, string> {
  return { host: url.host, cookie: s.cookie, accept: "application/json" };
}

function postHeaders(url: URL, job: Job): Record<string, string> {
  return {
    origin: url.origin,
    "content-type": "application/json",
    ...(job.send ? { "idempotency-key": randomUUID() } : {}),
  };
}

// ---- main ----------------------------------------------------------------------------------

type Cleanup = () => Promise<void>;
let cleanup: Cleanup = async () => {};

async function main(): Promise<number> {
  let cfg: Config;
  try {
    cfg = parseConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const log = (m: string) => (cfg.json ? console.error(m) : console.log(m));
  const base = `http://127.0.0.1:${cfg.port}`;

  if (cfg.build) {
    log("building (next build)…");
    const build = spawn(process.execPath, [NEXT_BIN, "build"], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", 2, 2], // keep stdout for the results (--json)
    });
    const code = await waitForExit(build);
    if (code !== 0) {
      console.error(`next build failed (exit ${code})`);
      return 1;
    }
  }
  const stale = buildIsStale();
  if (stale === "no build yet") {
    console.error(
      `No production build (${relative(REPO_ROOT, buildIdPath())}): run \`npm run build\` first, or pass --build.`,
    );
    return 2;
  }
  if (stale) console.error(`warning: ${stale}; measuring the existing build (pass --build to rebuild)`);
  for (const [flag, port] of [
    ["--port", cfg.port],
    ["--realtime-port", cfg.realtimePort],
  ] as const) {
    if (!(await portIsFree(port))) {
      console.error(`Port ${port} is in use: pass ${flag} with a free port.`);
      return 2;
    }
  }
  if (cfg.rate > API_LIMIT_PER_SECOND * 0.95 || cfg.rate === 0) {
    console.error(
      `warning: --rate ${cfg.rate || "0 (unpaced)"} may exceed the API limit of 600 requests/min per user: expect 429s`,
    );
  }

  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgresql://postgres@127.0.0.1:5432/postgres";
  log(
    `api bench: ${cfg.connections} connections × ${cfg.rate ? `${cfg.rate}/s` : "unpaced"}, ${cfg.duration} s per phase, ` +
      `${cpus().length} CPU(s), load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
  );

  let scratch: ScratchDatabase | null = null;
  let realtime: ChildProcess | null = null;
  let app: ChildProcess | null = null;
  let sampler: NodeJS.Timeout | undefined;
  let cleaning: Promise<void> | null = null;
  cleanup = () =>
    (cleaning ??= (async () => {
      clearInterval(sampler);
      running?.stop();
      if (app && app.exitCode === null && app.signalCode === null) {
        app.kill("SIGTERM");
        const killer = setTimeout(() => app?.kill("SIGKILL"), 10_000);
        await waitForExit(app);
        clearTimeout(killer);
      }
      if (realtime && realtime.exitCode === null && realtime.signalCode === null) {
        realtime.kill("SIGTERM");
        await waitForExit(realtime);
      }
      await scratch?.drop().catch((error: unknown) => console.error("could not drop the scratch database:", error));
    })());

  const tail = new Tail();
  try {
    scratch = await createScratchDatabase(adminUrl, "kp_bench_api");
    log(`database ${scratch.name}: migrating and seeding…`);
    await migrateDatabase(scratch.url);
    const { createPrismaClient } = await import("../../lib/db");
    const { seedDemo, DEMO_LOCATION_SLUG } = await import("../../prisma/demo-seed");
    const { hashPassword } = await import("../../lib/auth/password");
    const db = createPrismaClient(scratch.url, 2);
    const sessions: Session[] = [];
    let lines: unknown[];
    try {
      await seedDemo(db);
      const location = await db.location.findUniqueOrThrow({ where: { slug: DEMO_LOCATION_SLUG } });
      // Plenty of stock: sends deduct for real without ever running out.
      await db.stockLevel.updateMany({ data: { quantity: 1_000_000 } });
      const area = await db.floorArea.create({ data: { locationId: location.id, name: "Bench" } });
      const passwordHash = await hashPassword(PASSWORD);
      for (let i = 1; i <= cfg.connections; i++) {
        const email = `bench-${i}@bench.kitchen`;
        await db.user.create({
          data: {
            email,
            name: `Bench tablet ${i}`,
            passwordHash,
            memberships: { create: { locationId: location.id, role: "MANAGER" } },
          },
        });
        const table = await db.diningTable.create({
          data: { locationId: location.id, areaId: area.id, label: `B${i}`, seats: 4, posX: (i - 1) % 12 },
        });
        sessions.push({ email, cookie: "", tableId: table.id, orders: [] });
      }
      const item = (name: string) =>
        db.menuItem.findFirstOrThrow({
          where: { name, locationId: location.id },
          include: { modifierGroups: { include: { group: { include: { modifiers: true } } } } },
        });
      const burger = await item("Classic Burger");
      const side = burger.modifierGroups.find((g) => g.group.name === "Side choice")!.group.modifiers[0].id;
      const tea = await item("Iced Tea");
      lines = [
        { menuItemId: burger.id, quantity: 1, modifierIds: [side], seat: 1, course: "MAINS" },
        { menuItemId: tea.id, quantity: 2, course: "DRINKS" },
      ];
    } finally {
      await db.$disconnect();
    }

    realtime = await startRealtimeProcess(cfg.realtimePort, APP);
    log(`starting next start on ${base}…`);
    app = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(cfg.port)], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: scratch.url,
        NEXTAUTH_SECRET: SECRET,
        ...DEVELOPMENT_PII_ENV,
        NEXTAUTH_URL: base,
        PUSHER_APP_ID: APP.id,
        PUSHER_KEY: APP.key,
        PUSHER_SECRET: APP.secret,
        PUSHER_HOST: "127.0.0.1",
        PUSHER_PORT: String(cfg.realtimePort),
        PUSHER_USE_TLS: "false",
        // Per-process limits, as without Redis; a shared Redis would carry counts between runs.
        REDIS_URL: "",
        UPSTASH_REDIS_REST_URL: "",
        UPSTASH_REDIS_REST_TOKEN: "",
        LOG_LEVEL: "warn",
      },
    });
    app.stdout!.on("data", (d: Buffer) => tail.push(d));
    app.stderr!.on("data", (d: Buffer) => tail.push(d));
    if (!(await waitUntilServing(`${base}/api/health/live`, app))) throw new Error("next start exited before serving");
    const pid = app.pid;
    app.once("exit", (code, signal) => {
      if (!cleaning) {
        console.error(`next start exited (${signal ?? `code ${code}`}) during the run`);
        running?.stop();
      }
    });

    log(`signing in ${cfg.connections} sessions and opening ${cfg.connections * ORDERS_PER_CONNECTION} orders…`);
    await pool(sessions, 4, async (s) => {
      s.cookie = await signInAs(base, s.email, PASSWORD);
      for (let i = 0; i < ORDERS_PER_CONNECTION; i++) {
        // The first on the tablet's own table; the rest counter orders, so no order grows past a real one's size.
        const opened = await call(base, s, "POST", "/api/v1/orders", { tableId: i === 0 ? s.tableId : null });
        s.orders.push(String(opened.orderId));
      }
    });

    const sendBody = JSON.stringify({ items: lines });
    const readJobs: Job[] = [
      { label: "read: order pad menu", method: "GET", path: () => "/api/v1/menu/order-pad" },
      { label: "read: floor", method: "GET", path: () => "/api/v1/floor" },
      { label: "read: kitchen snapshot", method: "GET", path: () => `/api/v1/kitchen/snapshot?station=${STATION}` },
    ];
    const baselineJob: Job = { label: "baseline: GET /api/v1/me", method: "GET", path: () => "/api/v1/me" };
    const sendJob = (s: Session): Job => {
      let n = 0;
      return {
        label: "send: POST /api/v1/orders/:id/send",
        method: "POST",
        path: () => `/api/v1/orders/${s.orders[n++ % s.orders.length]}/send`,
        body: sendBody,
        send: true,
      };
    };

    log("warming up (every route once per session; one send on each table's order)…");
    await pool(sessions, 8, async (s) => {
      await call(base, s, "GET", "/api/v1/me");
      for (const job of readJobs) await call(base, s, "GET", job.path());
      await call(base, s, "POST", `/api/v1/orders/${s.orders[0]}/send`, { items: lines });
    });

    const rss = { beforeMb: rssMb(pid), peakMb: rssMb(pid), afterPhaseMb: {} as Record<string, number> };
    sampler = setInterval(() => {
      rss.peakMb = Math.max(rss.peakMb, rssMb(pid) || 0);
    }, 500);
    const errorSamples: ErrorSample[] = [];
    const phases: Record<string, PhaseResult> = {};
    const plan: [string, (s: Session) => Job[]][] = [
      ["baseline", () => [baselineJob]],
      ["read mix", () => readJobs],
      ["send", (s) => [sendJob(s)]],
    ];
    for (const [name, jobs] of plan) {
      if (interrupted || app.exitCode !== null || app.signalCode !== null) break;
      log(`measuring ${name} (${cfg.duration} s)…`);
      phases[name] = await runPhase(name, cfg, base, sessions, jobs, errorSamples);
      rss.afterPhaseMb[name] = rssMb(pid);
    }
    clearInterval(sampler);
    const afterMb = rssMb(pid);
    rss.peakMb = Math.max(rss.peakMb, afterMb || 0, ...Object.values(rss.afterPhaseMb).filter(Number.isFinite));
    const appDied = app.exitCode !== null || app.signalCode !== null;

    const baseline = phases.baseline?.total;
    const send = phases.send?.total;
    const result = {
      config: { ...cfg, ordersPerConnection: ORDERS_PER_CONNECTION, offeredPerSecond: cfg.rate * cfg.connections },
      machine: { cpus: cpus().length, loadavgAtEnd: loadavg() },
      phases,
      ratio: {
        sendVsBaseline: baseline && send ? { p95: send.p95 / baseline.p95, throughput: send.rps / baseline.rps } : null,
      },
      rss: { ...rss, afterMb, deltaMb: afterMb - rss.beforeMb },
      errorSamples,
      appErrorLogLines: tail.errorLines,
    };
    if (cfg.json) console.log(JSON.stringify(result, null, 2));
    else printTable(result);

    const errors = Object.values(phases).reduce((n, p) => n + p.total.errors, 0);
    if (errors || appDied || Object.keys(phases).length < plan.length) {
      console.error(`\n${errors} request(s) errored${appDied ? "; the app exited during the run" : ""}. First ones:`);
      for (const e of errorSamples) console.error(`  [${e.phase}] ${e.route}: ${e.status} ${e.body}`);
      if (tail.errorLines || appDied) console.error(`\napp output (last lines):\n${tail.text()}`);
      return 1;
    }
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    if (tail.text()) console.error(`\napp output (last lines):\n${tail.text()}`);
    return 1;
  } finally {
    await cleanup();
  }
}

function printTable(r: {
  config: Config & { offeredPerSecond: number };
  phases: Record<string, PhaseResult>;
  ratio: { sendVsBaseline: { p95: number; throughput: number } | null };
  rss: { beforeMb: number; afterMb: number; deltaMb: number; peakMb: number; afterPhaseMb: Record<string, number> };
}) {
  const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
  const rows: string[][] = [];
  const row = (label: string, s: Stats) =>
    rows.push([label, String(s.requests), f(s.rps), f(s.p50), f(s.p95), f(s.p99), f(s.max), String(s.errors)]);
  for (const [name, phase] of Object.entries(r.phases)) {
    const labels = Object.keys(phase.routes).sort();
    if (labels.length === 1) row(labels[0], phase.total);
    else {
      row(`${name} (all)`, phase.total);
      for (const label of labels) row(`  ${label}`, phase.routes[label]);
    }
  }
  const header = ["route", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((cells) => cells[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log("\n" + line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const cells of rows) console.log(line(cells));
  const ratio = r.ratio.sendVsBaseline;
  if (ratio) console.log(`\nsend / baseline: p95 ${f(ratio.p95, 2)}×, throughput ${f(ratio.throughput, 2)}×`);
  if (r.config.rate) console.log(`offered load: at most ${r.config.offeredPerSecond} req/s (--connections × --rate)`);
  const phases = Object.entries(r.rss.afterPhaseMb)
    .map(([name, mb]) => `${name} ${f(mb)}`)
    .join(", ");
  console.log(
    `app RSS MB: before ${f(r.rss.beforeMb)}, after ${f(r.rss.afterMb)} (${r.rss.deltaMb >= 0 ? "+" : ""}${f(r.rss.deltaMb)}), ` +
      `peak ${f(r.rss.peakMb)}; after each phase: ${phases}`,
  );
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130); // second Ctrl-C: do not wait for the clean-up
    interrupted = true;
    console.error(`\n${signal}: stopping the app and the realtime server, dropping the scratch database…`);
    void cleanup().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    void cleanup().finally(() => process.exit(1));
  },
);
