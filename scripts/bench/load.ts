/**
 * Load test of the seed's success metric: API p95 < 200 ms with 1,000+ open orders and realistic
 * tablet traffic, against the production server (`next start`).
 *
 *   npm run load -- [--orders 1000] [--tablets 50] [--duration 60] [--base-url URL --database-url URL]
 *                   [--port 3450] [--realtime-port 6450] [--out reports/load.json]
 *
 * Without --base-url it starts what it measures, as `bench:api` does: a scratch database (migrated,
 * demo seed, dropped afterwards), the realtime server and `next start` (needs `next build` first).
 * With --base-url it drives a server that is already running; --database-url (or DATABASE_URL)
 * must be that server's database: the run adds its tablets' users, a "Load" floor area and the
 * open orders there (left in place; use a scratch copy, never production).
 *
 * Seeding (Prisma, straight into the database): --orders open orders of 2-5 menu lines each, all
 * sent to the kitchen (one ticket per station), a quarter on tables of the Load area, the rest
 * counter orders; stock set high so sends never run out.
 * Traffic: --tablets virtual tablets, each with its own signed-in user (rate limits are per user):
 *   servers (80 %)  floor → open an order on one of their tables (or a counter order) → order pad
 *                   menu → the order → send 1-4 lines with an Idempotency-Key → the order again,
 *                   then a second round on the same order; 1-3 s of thinking between taps.
 *   kitchens (20 %) station snapshot every 2 s, events since the last seq, bump the oldest ticket.
 * Latency = request start → body read, per route, all statuses. Errors: non-2xx or network.
 * Prints a table (count, req/s, p50/p95/p99/max, errors) and PASS/FAIL on the overall p95 < 200 ms
 * with no errors, and the app's CPU per request (from /proc; it holds on a shared machine where
 * latencies do not); writes the figures as JSON to --out. Exit 0 PASS, 1 FAIL, 2 bad flags or setup.
 * LOAD_CPU_PROF=<dir> writes a V8 CPU profile of `next start` there (cpu-profile-summary.ts reads it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createScratchDatabase, migrateDatabase, REPO_ROOT, type ScratchDatabase } from "../db/database-url";
import { buildIsStale, NEXT_BIN, waitForExit, waitUntilServing } from "../app/next-server";
import { startRealtimeProcess } from "./lib/realtime-process";
import { intFlag, percentile, sleep, UsageError } from "./lib/common";
import { cpuSeconds, pool, portIsFree, rssMb, signIn, Tail } from "./lib/http-session";
import { DEVELOPMENT_PII_ENV } from "../../lib/pii/pii-crypto";

const APP = { id: "load", key: "load-key", secret: "load-secret" };
const SECRET = "load-test-only-secret-0123456789abcdef0123456789";
const PASSWORD = "load-test-password-2026";
const P95_TARGET_MS = 200;
const REQUEST_TIMEOUT_MS = 10_000;
/** Sign-ins per address: 60 per 5 minutes (lib/ops/rate-limit.ts). */
const MAX_TABLETS = 55;

type Config = {
  orders: number;
  tablets: number;
  duration: number;
  baseUrl: string | null;
  databaseUrl: string | null;
  port: number;
  realtimePort: number;
  out: string;
};

function parseConfig(): Config {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      orders: { type: "string" },
      tablets: { type: "string" },
      duration: { type: "string" },
      "base-url": { type: "string" },
      "database-url": { type: "string" },
      port: { type: "string" },
      "realtime-port": { type: "string" },
      out: { type: "string" },
    },
  });
  const baseUrl = values["base-url"]?.replace(/\/$/, "") ?? null;
  const databaseUrl = values["database-url"] ?? (baseUrl ? (process.env.DATABASE_URL ?? null) : null);
  if (baseUrl && !databaseUrl) throw new UsageError("--base-url needs --database-url (or DATABASE_URL) to seed into");
  return {
    orders: intFlag(values.orders, 1000, "orders", 1, 100_000),
    tablets: intFlag(values.tablets, 50, "tablets", 2, MAX_TABLETS),
    duration: intFlag(values.duration, 60, "duration", 5, 3600),
    baseUrl,
    databaseUrl,
    port: intFlag(values.port, 3450, "port", 1, 65_535),
    realtimePort: intFlag(values["realtime-port"], 6450, "realtime-port", 1, 65_535),
    out: values.out ?? "reports/load.json",
  };
}

// ---- seeding ---------------------------------------------------------------------------------

type MenuLine = { menuItemId: string; modifierIds: string[]; course: string };
type Tablet = { email: string; role: "SERVER" | "CHEF"; cookie: string; tableIds: string[]; station: string };
type Seeded = { tablets: Tablet[]; menu: MenuLine[]; stations: string[]; openOrders: number };

async function seed(databaseUrl: string, cfg: Config, runId: string, log: (m: string) => void): Promise<Seeded> {
  const { createPrismaClient } = await import("../../lib/db");
  const { hashPassword } = await import("../../lib/auth/password");
  const { DEMO_LOCATION_SLUG } = await import("../../prisma/demo-seed");
  const db = createPrismaClient(databaseUrl, 4);
  try {
    const location = await db.location.findUniqueOrThrow({ where: { slug: DEMO_LOCATION_SLUG } });
    const locationId = location.id;
    await db.stockLevel.updateMany({ where: { locationId }, data: { quantity: 10_000_000 } });
    const items = await db.menuItem.findMany({
      where: { locationId, archivedAt: null, stationId: { not: null } },
      include: { modifierGroups: { include: { group: { include: { modifiers: true } } } } },
    });
    // A valid line for each dish: the first option of every required group.
    const menu: (MenuLine & { name: string; priceCents: number; stationId: string | null })[] = items.map((i) => ({
      menuItemId: i.id,
      name: i.name,
      priceCents: i.priceCents,
      stationId: i.stationId,
      course: "MAINS",
      modifierIds: i.modifierGroups
        .filter((g) => g.group.minSelect > 0)
        .flatMap((g) => g.group.modifiers.slice(0, g.group.minSelect).map((m) => m.id)),
    }));
    if (menu.length === 0) throw new Error("no menu items with a station in the demo location");
    const stations = (await db.kitchenStation.findMany({ where: { locationId, archivedAt: null, isExpo: false } })).map(
      (s) => s.slug,
    );

    const area = await db.floorArea.create({ data: { locationId, name: `Load ${runId}` } });
    const tableCount = Math.max(cfg.tablets * 4, Math.ceil(cfg.orders / 4));
    const tables = await db.diningTable.createManyAndReturn({
      data: Array.from({ length: tableCount }, (_, i) => ({
        locationId,
        areaId: area.id,
        label: `L${runId.slice(0, 3)}-${i + 1}`,
        seats: 2 + (i % 4) * 2,
        posX: i % 20,
        posY: Math.floor(i / 20),
      })),
      select: { id: true },
    });

    // Users: one per tablet (per-user rate limits), 80 % servers, the rest kitchen screens.
    const passwordHash = await hashPassword(PASSWORD);
    const kitchens = Math.max(1, Math.round(cfg.tablets / 5));
    const tablets: Tablet[] = [];
    for (let i = 0; i < cfg.tablets; i++) {
      const role = i < cfg.tablets - kitchens ? "SERVER" : "CHEF";
      const email = `load-${runId}-${i + 1}@load.kitchen`;
      await db.user.create({
        data: {
          email,
          name: `Load ${role.toLowerCase()} ${i + 1}`,
          passwordHash,
          memberships: { create: { locationId, role } },
        },
      });
      tablets.push({ email, role, cookie: "", tableIds: [], station: stations[i % stations.length] });
    }

    // Open orders: the first quarter of the tables is taken by seeded orders, the rest is the servers'.
    log(`seeding ${cfg.orders} open orders (${menu.length} dishes, ${stations.length} stations)…`);
    const seatedTables = tables.slice(0, Math.min(Math.ceil(cfg.orders / 4), tables.length - cfg.tablets * 2));
    const freeTables = tables.slice(seatedTables.length);
    freeTables.forEach((t, i) => tablets[i % (cfg.tablets - kitchens)].tableIds.push(t.id));
    const counter = await db.locationCounter.upsert({
      where: { locationId },
      create: { locationId, orderNumber: cfg.orders },
      update: { orderNumber: { increment: cfg.orders } },
    });
    const firstNumber = counter.orderNumber - cfg.orders + 1;
    const now = Date.now();
    for (let start = 0; start < cfg.orders; start += 250) {
      const batch = Array.from({ length: Math.min(250, cfg.orders - start) }, (_, k) => start + k);
      const orders = await db.order.createManyAndReturn({
        data: batch.map((n) => ({
          locationId,
          number: firstNumber + n,
          tableId: n < seatedTables.length ? seatedTables[n].id : null,
          status: "SENT" as const,
          guestCount: 2 + (n % 4),
          openedAt: new Date(now - (n % 90) * 60_000),
        })),
        select: { id: true, openedAt: true },
      });
      await db.check.createMany({ data: orders.map((o) => ({ locationId, orderId: o.id, number: 1 })) });
      await db.orderItem.createMany({
        data: orders.flatMap((o, k) =>
          Array.from({ length: 2 + ((start + k) % 4) }, (_, j) => {
            const dish = menu[(start + k * 7 + j * 3) % menu.length];
            return {
              orderId: o.id,
              locationId,
              menuItemId: dish.menuItemId,
              stationId: dish.stationId,
              name: dish.name,
              unitPriceCents: dish.priceCents,
              quantity: 1 + (j % 2),
              seat: 1 + (j % 4),
              status: "SENT" as const,
              fireBatch: 1,
              firedAt: new Date(o.openedAt.getTime() + 60_000),
            };
          }),
        ),
      });
    }
    await db.$executeRaw`
      UPDATE "DiningTable" SET "status" = 'SEATED', "statusAt" = now() WHERE "id" IN (
        SELECT "tableId" FROM "Order" WHERE "locationId" = ${locationId} AND "tableId" IS NOT NULL AND "status" = 'SENT')`;
    const openOrders = await db.order.count({ where: { locationId, status: { notIn: ["CLOSED", "VOIDED"] } } });
    return { tablets, menu, stations, openOrders };
  } finally {
    await db.$disconnect();
  }
}

// ---- measuring -------------------------------------------------------------------------------

type Stats = { count: number; rps: number; p50: number; p95: number; p99: number; max: number; errors: number };
const samples = new Map<string, number[]>();
const errorCounts = new Map<string, number>();
const errorSamples: string[] = [];
let stopping = false;

async function request(
  base: string,
  t: Tablet,
  label: string,
  method: "GET" | "POST",
  urlPath: string,
  body?: unknown,
) {
  const headers: Record<string, string> = { cookie: t.cookie, accept: "application/json" };
  if (method === "POST") {
    headers.origin = base;
    headers["content-type"] = "application/json";
    if (urlPath.endsWith("/send")) headers["idempotency-key"] = randomUUID();
  }
  const started = performance.now();
  let json: Record<string, unknown> | null = null;
  try {
    const res = await fetch(`${base}${urlPath}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    if (res.ok) json = JSON.parse(text) as Record<string, unknown>;
    else if (errorSamples.length < 8) errorSamples.push(`${label}: HTTP ${res.status} ${text.slice(0, 200)}`);
  } catch (error) {
    if (errorSamples.length < 8) errorSamples.push(`${label}: ${String(error)}`);
  }
  const list = samples.get(label) ?? [];
  list.push(performance.now() - started);
  samples.set(label, list);
  if (json === null) errorCounts.set(label, (errorCounts.get(label) ?? 0) + 1);
  return json;
}

const think = (min: number, max: number) => sleep(min + Math.random() * (max - min));

async function serverTablet(base: string, t: Tablet, menu: MenuLine[]) {
  let table = 0;
  while (!stopping) {
    await request(base, t, "GET /api/v1/floor", "GET", "/api/v1/floor");
    await think(1000, 3000);
    // Their own tables in turn; once every one has an order, counter orders (takeaway).
    const tableId = table < t.tableIds.length ? t.tableIds[table++] : null;
    const opened = await request(base, t, "POST /api/v1/orders", "POST", "/api/v1/orders", { tableId, guestCount: 2 });
    const orderId = opened?.orderId as string | undefined;
    if (!orderId) continue;
    await request(base, t, "GET /api/v1/menu/order-pad", "GET", "/api/v1/menu/order-pad");
    for (let round = 0; round < 2 && !stopping; round++) {
      await think(1000, 3000);
      await request(base, t, "GET /api/v1/orders/:id", "GET", `/api/v1/orders/${orderId}`);
      const lines = Array.from({ length: 1 + Math.floor(Math.random() * 4) }, (_, j) => {
        const dish = menu[Math.floor(Math.random() * menu.length)];
        const course = round === 0 ? "STARTERS" : "MAINS";
        return {
          menuItemId: dish.menuItemId,
          modifierIds: dish.modifierIds,
          quantity: 1 + (j % 2),
          seat: 1 + j,
          course,
        };
      });
      await think(1000, 3000);
      await request(base, t, "POST /api/v1/orders/:id/send", "POST", `/api/v1/orders/${orderId}/send`, {
        items: lines,
      });
    }
  }
}

type OrderPad = {
  categories: {
    items: {
      id: string;
      is86d: boolean;
      availableFrom: string | null;
      modifierGroups: { minSelect: number; modifiers: { id: string }[] }[];
    }[];
  }[];
};

type Snapshot = { seq?: number; tickets?: { orderId: string; items: { id: string }[] }[] };

async function kitchenTablet(base: string, t: Tablet) {
  let seq = 0;
  let polls = 0;
  while (!stopping) {
    const snap = (await request(
      base,
      t,
      "GET /api/v1/kitchen/snapshot",
      "GET",
      `/api/v1/kitchen/snapshot?station=${t.station}`,
    )) as Snapshot | null;
    if (snap?.seq !== undefined) seq = snap.seq;
    await request(base, t, "GET /api/v1/kitchen/events", "GET", `/api/v1/kitchen/events?after=${seq}`);
    // A cook bumps a ticket every other poll: the oldest on the screen.
    const ticket = snap?.tickets?.[0];
    if (ticket && polls++ % 2 === 0) {
      await request(base, t, "POST /api/v1/orders/:id/bump", "POST", `/api/v1/orders/${ticket.orderId}/bump`, {
        station: t.station,
        orderItemIds: ticket.items.map((i) => i.id).slice(0, 100),
      });
    }
    await think(1800, 2200);
  }
}

const COST_REPEATS = 20;

/**
 * The app's CPU per request of each route, one request at a time (no queueing, no neighbours'
 * requests in flight): where the CPU goes, route by route, which the loaded figures cannot tell.
 */
async function cpuPerRoute(
  base: string,
  server: Tablet,
  chef: Tablet,
  menu: MenuLine[],
  pid: number | undefined,
): Promise<Record<string, number>> {
  if (!pid) return {};
  const out: Record<string, number> = {};
  const measure = async (label: string, call: (i: number) => Promise<unknown>) => {
    await call(-1); // warm
    const before = cpuSeconds(pid);
    for (let i = 0; i < COST_REPEATS; i++) await call(i);
    out[label] = ((cpuSeconds(pid) - before) * 1000) / COST_REPEATS;
  };
  const orderIds: string[] = [];
  await measure("POST /api/v1/orders", async () => {
    const o = await request(base, server, "cost", "POST", "/api/v1/orders", { tableId: null, guestCount: 2 });
    if (o?.orderId) orderIds.push(o.orderId as string);
  });
  const orderId = orderIds[0];
  await measure("GET /api/v1/floor", () => request(base, server, "cost", "GET", "/api/v1/floor"));
  await measure("GET /api/v1/menu/order-pad", () => request(base, server, "cost", "GET", "/api/v1/menu/order-pad"));
  await measure("GET /api/v1/orders/:id", () => request(base, server, "cost", "GET", `/api/v1/orders/${orderId}`));
  await measure("POST /api/v1/orders/:id/send", (i) =>
    request(base, server, "cost", "POST", `/api/v1/orders/${orderIds[(i + 1) % orderIds.length]}/send`, {
      items: [0, 1].map((j) => ({ ...menu[(i + 1 + j) % menu.length], quantity: 1, seat: 1 + j })),
    }),
  );
  await measure("GET /api/v1/kitchen/snapshot", () =>
    request(base, chef, "cost", "GET", `/api/v1/kitchen/snapshot?station=${chef.station}`),
  );
  await measure("GET /api/v1/kitchen/events", () =>
    request(base, chef, "cost", "GET", "/api/v1/kitchen/events?after=0"),
  );
  await measure("POST /api/v1/orders/:id/bump", async () => {
    const snap = (await request(
      base,
      chef,
      "cost",
      "GET",
      `/api/v1/kitchen/snapshot?station=${chef.station}`,
    )) as Snapshot | null;
    const ticket = snap?.tickets?.[0];
    if (ticket)
      await request(base, chef, "cost", "POST", `/api/v1/orders/${ticket.orderId}/bump`, {
        station: chef.station,
        orderItemIds: ticket.items.map((i) => i.id).slice(0, 100),
      });
  });
  // The bump's own cost: the measured pair minus a snapshot.
  out["POST /api/v1/orders/:id/bump"] -= out["GET /api/v1/kitchen/snapshot"];
  return out;
}

function stats(list: number[], seconds: number, errors: number): Stats {
  const s = [...list].sort((a, b) => a - b);
  return {
    count: s.length,
    rps: s.length / seconds,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1] ?? NaN,
    errors,
  };
}

function printTable(routes: Record<string, Stats>, total: Stats) {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
  const header = ["route", "count", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"];
  const rows = [...Object.entries(routes).sort(([a], [b]) => a.localeCompare(b)), ["all routes", total] as const].map(
    ([label, s]) => [label, String(s.count), f(s.rps), f(s.p50), f(s.p95), f(s.p99), f(s.max), String(s.errors)],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  rows.forEach((r, i) => {
    if (i === rows.length - 1) console.log(widths.map((w) => "-".repeat(w)).join("  "));
    console.log(line(r));
  });
}

// ---- main ----------------------------------------------------------------------------------

let cleanup: () => Promise<void> = async () => {};

async function main(): Promise<number> {
  let cfg: Config;
  try {
    cfg = parseConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const log = (m: string) => console.log(m);
  const runId = randomUUID().slice(0, 8);
  let scratch: ScratchDatabase | null = null;
  let realtime: ChildProcess | null = null;
  let app: ChildProcess | null = null;
  const tail = new Tail();
  cleanup = async () => {
    stopping = true;
    if (app && app.exitCode === null && app.signalCode === null) {
      app.kill("SIGTERM");
      await waitForExit(app);
    }
    if (realtime && realtime.exitCode === null && realtime.signalCode === null) {
      realtime.kill("SIGTERM");
      await waitForExit(realtime);
    }
    await scratch?.drop().catch((error: unknown) => console.error("could not drop the scratch database:", error));
  };

  try {
    let base = cfg.baseUrl;
    let databaseUrl = cfg.databaseUrl;
    if (!base) {
      if (buildIsStale() === "no build yet") {
        console.error("No production build: run `npm run build` first (or pass --base-url).");
        return 2;
      }
      for (const port of [cfg.port, cfg.realtimePort]) {
        if (!(await portIsFree(port))) {
          console.error(`Port ${port} is in use: pass --port / --realtime-port.`);
          return 2;
        }
      }
      const adminUrl =
        process.env.BENCH_DATABASE_URL ??
        process.env.TEST_DATABASE_URL ??
        process.env.DATABASE_URL ??
        "postgresql://postgres@127.0.0.1:5432/postgres";
      scratch = await createScratchDatabase(adminUrl, "kp_load");
      log(`database ${scratch.name}: migrating and seeding the demo…`);
      await migrateDatabase(scratch.url);
      const { createPrismaClient } = await import("../../lib/db");
      const { seedDemo } = await import("../../prisma/demo-seed");
      const db = createPrismaClient(scratch.url, 2);
      await seedDemo(db).finally(() => db.$disconnect());
      databaseUrl = scratch.url;
    }
    const seeded = await seed(databaseUrl!, cfg, runId, log);

    if (!base) {
      base = `http://127.0.0.1:${cfg.port}`;
      realtime = await startRealtimeProcess(cfg.realtimePort, APP);
      log(`starting next start on ${base}…`);
      // LOAD_CPU_PROF=<dir>: V8 CPU profile of the app, written there when it stops (summarise it
      // with scripts/bench/cpu-profile-summary.ts to see where the per-request CPU goes).
      const profile = process.env.LOAD_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.LOAD_CPU_PROF}`] : [];
      app = spawn(process.execPath, [...profile, NEXT_BIN, "start", "-p", String(cfg.port)], {
        cwd: REPO_ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: databaseUrl!,
          ...DEVELOPMENT_PII_ENV,
          NEXTAUTH_SECRET: SECRET,
          NEXTAUTH_URL: base,
          PUSHER_APP_ID: APP.id,
          PUSHER_KEY: APP.key,
          PUSHER_SECRET: APP.secret,
          PUSHER_HOST: "127.0.0.1",
          PUSHER_PORT: String(cfg.realtimePort),
          PUSHER_USE_TLS: "false",
          REDIS_URL: "",
          UPSTASH_REDIS_REST_URL: "",
          UPSTASH_REDIS_REST_TOKEN: "",
          LOG_LEVEL: "warn",
        },
      });
      app.stdout!.on("data", (d: Buffer) => tail.push(d));
      app.stderr!.on("data", (d: Buffer) => tail.push(d));
      if (!(await waitUntilServing(`${base}/api/health/live`, app)))
        throw new Error("next start exited before serving");
    }

    log(`signing in ${cfg.tablets} tablets…`);
    await pool(seeded.tablets, 4, async (t) => {
      t.cookie = await signIn(base, t.email, PASSWORD);
    });
    // One request per route before the clock starts (route compilation, connection pools), then
    // each route alone, three times: its latency without load, to compare with the loaded figures.
    const first = seeded.tablets[0];
    const chef = seeded.tablets.at(-1)!;
    const reads: [Tablet, string][] = [
      [first, "/api/v1/floor"],
      [first, "/api/v1/menu/order-pad"],
      [first, "/api/v1/orders?status=ACTIVE"],
      [chef, `/api/v1/kitchen/snapshot?station=${chef.station}`],
      [chef, "/api/v1/kitchen/events?after=0"],
    ];
    for (const [t, urlPath] of reads) await request(base, t, "warm-up", "GET", urlPath);
    samples.clear();
    for (let i = 0; i < 3; i++)
      for (const [t, urlPath] of reads) await request(base, t, `GET ${urlPath}`, "GET", urlPath);
    const unloaded = Object.fromEntries(
      [...samples].map(([label, list]) => [label, [...list].sort((a, b) => a - b)[1]]),
    );
    log(
      `unloaded (median of 3, one at a time): ${Object.entries(unloaded)
        .map(([label, ms]) => `${label} ${ms.toFixed(0)} ms`)
        .join("; ")}`,
    );
    // The dishes a tablet can order now: the order pad's menu (available, not 86'd).
    const pad = (await request(base, first, "warm-up", "GET", "/api/v1/menu/order-pad")) as OrderPad | null;
    const orderable = (pad?.categories ?? []).flatMap((c) =>
      c.items
        .filter((i) => i.availableFrom === null && !i.is86d)
        .map((i) => ({
          menuItemId: i.id,
          course: "MAINS",
          modifierIds: i.modifierGroups.flatMap((g) => g.modifiers.slice(0, g.minSelect).map((m) => m.id)),
        })),
    );
    if (orderable.length === 0) throw new Error("the order pad offers no dish right now");
    seeded.menu = orderable;
    const perRoute = await cpuPerRoute(base, first, chef, orderable, app?.pid);
    log(
      `app CPU per request, one at a time (mean of ${COST_REPEATS}): ${Object.entries(perRoute)
        .map(([label, ms]) => `${label} ${ms.toFixed(1)} ms`)
        .join("; ")}`,
    );
    samples.clear();
    errorCounts.clear();
    errorSamples.length = 0;

    const servers = seeded.tablets.filter((t) => t.role === "SERVER").length;
    log(
      `driving ${servers} server tablets and ${cfg.tablets - servers} kitchen screens for ${cfg.duration} s ` +
        `over ${seeded.openOrders} open orders (${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)})…`,
    );
    const pid = app?.pid;
    let peakRss = rssMb(pid);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid) || 0)), 1000);
    const cpuAtStart = cpuSeconds(pid);
    const started = performance.now();
    // Tablets start over the first 3 s, as a shift's devices do not all tap at once.
    const running = seeded.tablets.map(async (t, i) => {
      await sleep((i * 3000) / cfg.tablets);
      return t.role === "SERVER" ? serverTablet(base, t, seeded.menu) : kitchenTablet(base, t);
    });
    const progress = setInterval(() => {
      const done = [...samples.values()].reduce((n, l) => n + l.length, 0);
      const failed = [...errorCounts.values()].reduce((n, c) => n + c, 0);
      log(`  ${((performance.now() - started) / 1000).toFixed(0)} s: ${done} requests, ${failed} errors`);
    }, 10_000);
    await sleep(cfg.duration * 1000);
    stopping = true;
    // Tablets finish the tap they are in; one stuck past the request timeout is not waited for.
    await Promise.race([Promise.all(running), sleep(REQUEST_TIMEOUT_MS + 5000)]);
    clearInterval(progress);
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    // The app's own CPU over the run (next start is one Node process): per request, and as a share
    // of one core (one Node process cannot use more than about one core for JavaScript).
    const appCpuSeconds = cpuSeconds(pid) - cpuAtStart;

    const routes = Object.fromEntries(
      [...samples].map(([label, list]) => [label, stats(list, seconds, errorCounts.get(label) ?? 0)]),
    );
    const errors = [...errorCounts.values()].reduce((a, b) => a + b, 0);
    const total = stats([...samples.values()].flat(), seconds, errors);
    const worstRoute = Object.entries(routes).sort(([, a], [, b]) => b.p95 - a.p95)[0];
    const pass = total.p95 < P95_TARGET_MS && errors === 0;
    printTable(routes, total);
    const { openOrders } = seeded;
    console.log(
      `\nopen orders at start ${openOrders}; ${cfg.tablets} tablets; ${seconds.toFixed(0)} s; ` +
        `${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}` +
        (app ? `; app RSS peak ${peakRss.toFixed(0)} MB` : "") +
        (Number.isFinite(appCpuSeconds)
          ? `; app CPU ${appCpuSeconds.toFixed(1)} s = ${((1000 * appCpuSeconds) / total.count).toFixed(1)} ms per request, ` +
            `${((100 * appCpuSeconds) / seconds).toFixed(0)} % of one core`
          : ""),
    );
    console.log(
      `${pass ? "PASS" : "FAIL"}: API p95 ${total.p95.toFixed(1)} ms (target < ${P95_TARGET_MS} ms), ` +
        `${errors} error(s); slowest route p95: ${worstRoute?.[0]} ${worstRoute?.[1].p95.toFixed(1)} ms`,
    );
    if (errorSamples.length) console.log(`first errors:\n  ${errorSamples.join("\n  ")}`);
    const out = path.resolve(REPO_ROOT, cfg.out);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(
      out,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          pass,
          targetP95Ms: P95_TARGET_MS,
          config: { ...cfg, databaseUrl: undefined },
          machine: { cpus: cpus().length, loadavgAtEnd: loadavg() },
          openOrdersAtStart: openOrders,
          seconds,
          total,
          routes,
          unloadedMedianMs: unloaded,
          cpuPerRequestAloneMs: perRoute,
          appRssPeakMb: app ? peakRss : null,
          appCpuSeconds: Number.isFinite(appCpuSeconds) ? appCpuSeconds : null,
          appCpuMsPerRequest: Number.isFinite(appCpuSeconds) ? (1000 * appCpuSeconds) / total.count : null,
          errorSamples,
        },
        null,
        2,
      ),
    );
    console.log(`figures: ${path.relative(REPO_ROOT, out)}`);
    if (tail.errorLines) console.error(`\napp logged ${tail.errorLines} error line(s); last lines:\n${tail.text()}`);
    return pass ? 0 : 1;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    if (tail.text()) console.error(`\napp output (last lines):\n${tail.text()}`);
    return 2;
  } finally {
    await cleanup();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping…`);
    void cleanup().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    void cleanup().finally(() => process.exit(2));
  },
);
