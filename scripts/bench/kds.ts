/**
 * Kitchen display benchmark: "send to kitchen" → kitchen event received, through the real send
 * path, next to a bare baseline in the same run.
 *
 *   npm run bench:kds -- [--duration 60] [--rate 5] [--burst 50] [--subscribers 3] [--quick] [--json]
 *
 * Ours:     sendOrder(ctx, …) — the use case the server action and POST /api/v1/orders/:id/send
 *           call (zod, idempotency claim + completion, one transaction: lines, fire, stock hook,
 *           order/table status, gapless seq) → publishChange via the `pusher` SDK → the realtime
 *           server (realtime-server, its own process) → N pusher-js display subscribers on the
 *           location's private kitchen channel. Latency = "items.fired" received − call start.
 *           The HTTP/session layer is not included (it is the same for every route; see ADR 0006).
 * Baseline: a raw `pg` INSERT of the same-sized row, then a direct WebSocket broadcast: a
 *           pusher-js client event (`client-*`) sent over an open socket through the same
 *           realtime server to the same subscribers. Latency = received − INSERT start.
 *
 * Both run open-loop at --rate per second for --duration seconds, then a burst of --burst at
 * once. Everything runs on loopback on this machine: compare the ratio, not the absolute figures.
 * Database: a scratch database (migrated + demo seed, dropped afterwards) on the server of
 * BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL (any database there works as the admin
 * connection), else postgresql://postgres@127.0.0.1:5432/postgres.
 * Exit 1 if any event was lost or a send failed; 2 on bad flags.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import PusherServer from "pusher";
import PusherClient, { type Channel } from "pusher-js";
import { createScratchDatabase, migrateDatabase } from "../../scripts/db/database-url";
import { freePort, startRealtimeProcess } from "./lib/realtime-process";
import { percentile } from "./lib/common";
import { localPusherClient, subscribed } from "./lib/local-pusher";
import { DEVELOPMENT_PII_ENV } from "../../lib/pii/pii-crypto";

const APP = { id: "bench-kds", key: "bench-kds-key", secret: "bench-kds-secret" };
const RECEIVE_TIMEOUT_MS = 10_000;

// The use cases start with `import "server-only"`, which resolves to an empty module only under
// the "react-server" export condition (as inside Next). Re-run this file with that condition.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const child = spawn(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

type Config = { duration: number; rate: number; burst: number; subscribers: number; json: boolean };

function parseConfig(): Config {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      duration: { type: "string" },
      rate: { type: "string" },
      burst: { type: "string" },
      subscribers: { type: "string" },
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const num = (raw: string | undefined, fallback: number, name: string) => {
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
    return n;
  };
  return {
    duration: num(values.duration, values.quick ? 10 : 60, "duration"),
    rate: num(values.rate, 5, "rate"),
    burst: Math.floor(num(values.burst, values.quick ? 20 : 50, "burst")),
    subscribers: Math.floor(num(values.subscribers, 3, "subscribers")),
    json: values.json ?? false,
  };
}

// ---- stats ---------------------------------------------------------------------------------

type Summary = { n: number; lost: number; p50: number; p95: number; p99: number; mean: number; max: number };

function summarise(samples: number[], lost: number): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => percentile(s, p);
  return {
    n: s.length,
    lost,
    p50: q(50),
    p95: q(95),
    p99: q(99),
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
    max: s[s.length - 1] ?? NaN,
  };
}

// ---- realtime server (own process) and subscribers -------------------------------------------

function pusherClient(port: number): PusherClient {
  const signer = new PusherServer({
    appId: APP.id,
    key: APP.key,
    secret: APP.secret,
    host: "127.0.0.1",
    port: String(port),
    useTLS: false,
  });
  return localPusherClient({ key: APP.key, host: "127.0.0.1", port, signer });
}

/** Receipt times per id per subscriber; `wait(id, t0)` resolves with each subscriber's latency. */
class Receipts {
  private seen = new Map<string, number[]>();
  private waiters = new Map<string, () => void>();
  constructor(private readonly subscribers: number) {}
  record(id: string) {
    const list = this.seen.get(id) ?? [];
    list.push(performance.now());
    this.seen.set(id, list);
    if (list.length >= this.subscribers) this.waiters.get(id)?.();
  }
  async wait(id: string, t0: number): Promise<{ latencies: number[]; lost: number }> {
    if ((this.seen.get(id)?.length ?? 0) < this.subscribers) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, RECEIVE_TIMEOUT_MS);
        this.waiters.set(id, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.waiters.delete(id);
    const got = this.seen.get(id) ?? [];
    return { latencies: got.map((t) => t - t0), lost: this.subscribers - got.length };
  }
}

/** Open loop: start one op every 1/rate s for `duration` s, then `burst` at once. */
async function drive(cfg: Config, op: (i: number) => Promise<{ latencies: number[]; lost: number }>) {
  const steady: Promise<{ latencies: number[]; lost: number }>[] = [];
  const total = Math.round(cfg.duration * cfg.rate);
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / cfg.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    steady.push(op(i));
  }
  const s = await Promise.all(steady);
  const b = await Promise.all(Array.from({ length: cfg.burst }, (_, i) => op(total + i)));
  const fold = (xs: typeof s) =>
    summarise(
      xs.flatMap((x) => x.latencies),
      xs.reduce((n, x) => n + x.lost, 0),
    );
  return { steady: fold(s), burst: fold(b), all: fold([...s, ...b]) };
}

// ---- main ----------------------------------------------------------------------------------

async function main(): Promise<number> {
  let cfg: Config;
  try {
    cfg = parseConfig();
  } catch (error) {
    console.error(String(error));
    return 2;
  }
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgresql://postgres@127.0.0.1:5432/postgres";
  const log = (m: string) => !cfg.json && console.log(m);
  log(
    `kds bench: ${cfg.rate}/s for ${cfg.duration} s + burst of ${cfg.burst}, ${cfg.subscribers} display subscriber(s), ${cpus().length} CPU(s)`,
  );

  const scratch = await createScratchDatabase(adminUrl, "kp_bench_kds");
  const port = await freePort();
  let realtime: ChildProcess | null = null;
  const clients: PusherClient[] = [];
  try {
    await migrateDatabase(scratch.url);
    Object.assign(process.env, {
      DATABASE_URL: scratch.url,
      ...DEVELOPMENT_PII_ENV,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-0123456789abcdef0123456789",
      PUSHER_APP_ID: APP.id,
      PUSHER_KEY: APP.key,
      PUSHER_SECRET: APP.secret,
      PUSHER_HOST: "127.0.0.1",
      PUSHER_PORT: String(port),
      PUSHER_USE_TLS: "false",
      LOG_LEVEL: "error",
    });
    // Imported after the env points at the scratch database and this run's realtime server.
    const { db } = await import("../../lib/db");
    const { seedDemo } = await import("../../prisma/demo-seed");
    const { openOrder } = await import("../../lib/orders/open-order");
    const { sendOrder } = await import("../../lib/orders/send-order");
    const { kitchenChannel } = await import("../../lib/realtime/events");

    await seedDemo(db);
    // Plenty of stock so the stock hook deducts for real without ever running out.
    await db.stockLevel.updateMany({ data: { quantity: 1_000_000 } });
    const member = await db.membership.findFirstOrThrow({
      where: { user: { email: "server@demo.kitchen" }, location: { slug: "demo-bistro" } },
      include: { user: true },
    });
    const ctx = {
      userId: member.userId,
      name: member.user.name,
      email: member.user.email,
      role: member.role,
      locationId: member.locationId,
      requestId: "bench",
    };
    const item = async (name: string) =>
      db.menuItem.findFirstOrThrow({
        where: { name, locationId: ctx.locationId },
        include: { modifierGroups: { include: { group: { include: { modifiers: true } } } } },
      });
    const burger = await item("Classic Burger");
    const side = burger.modifierGroups.find((g) => g.group.name === "Side choice")!.group.modifiers[0].id;
    const soup = await item("Soup of the Day");
    const tea = await item("Iced Tea");
    const lines = [
      {
        menuItemId: burger.id,
        quantity: 1,
        modifierIds: [side],
        seat: 1,
        course: "MAINS" as const,
        notes: "no pickles",
      },
      { menuItemId: soup.id, quantity: 1, seat: 2, course: "STARTERS" as const },
      { menuItemId: tea.id, quantity: 2, course: "DRINKS" as const },
    ];

    realtime = await startRealtimeProcess(port, APP, {
      // The baseline sends client events on the kitchen channel; bench sockets do not sign in.
      REALTIME_CLIENT_EVENT_CHANNELS: "private-loc-*-kitchen",
      REALTIME_SIGNIN_TIMEOUT_SECONDS: "0",
    });
    const channel = kitchenChannel(ctx.locationId);
    const receipts = new Receipts(cfg.subscribers);
    for (let i = 0; i < cfg.subscribers; i++) {
      const c = pusherClient(port);
      clients.push(c);
      const ch = await subscribed(c, channel);
      ch.bind("items.fired", (d: { orderId: string }) => receipts.record(d.orderId));
      ch.bind("client-bench", (d: { id: string }) => receipts.record(d.id));
    }

    const total = Math.round(cfg.duration * cfg.rate) + cfg.burst;
    log(`opening ${total} orders…`);
    const orders: string[] = [];
    for (let i = 0; i < total; i++) orders.push((await openOrder(ctx, { tableId: null, guestCount: 2 })).orderId);
    // Warm up connections, JIT and the realtime path (not measured).
    for (let i = 0; i < 5; i++) {
      const { orderId } = await openOrder(ctx, { tableId: null });
      await sendOrder(ctx, { orderId, idempotencyKey: `warm-${i}-${Date.now()}`, items: lines });
    }

    let failures = 0;
    log("measuring the send path…");
    const ours = await drive(cfg, async (i) => {
      const orderId = orders[i];
      const t0 = performance.now();
      try {
        await sendOrder(ctx, { orderId, idempotencyKey: `bench-${orderId}`, items: lines });
      } catch (error) {
        failures++;
        if (failures === 1) console.error("send failed:", error);
      }
      return receipts.wait(orderId, t0);
    });

    log("measuring the baseline (pg INSERT + WebSocket client event)…");
    const raw = new pg.Pool({ connectionString: scratch.url, max: 10 });
    await raw.query(
      `CREATE TABLE bench_baseline (id text PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );
    // Client events are limited to 10/s per connection (Pusher's rule): spread them over senders.
    const senders: Channel[] = [];
    for (let i = 0; i < Math.max(10, Math.ceil(cfg.burst / 5)); i++) {
      const c = pusherClient(port);
      clients.push(c);
      senders.push(await subscribed(c, channel));
    }
    let next = 0;
    const payload = JSON.stringify({ orderId: "x".repeat(25), lines });
    const baseline = await drive(cfg, async (i) => {
      const id = `b${i}`;
      const t0 = performance.now();
      await raw.query("INSERT INTO bench_baseline (id, payload) VALUES ($1, $2)", [id, payload]);
      senders[next++ % senders.length].trigger("client-bench", { id });
      return receipts.wait(id, t0);
    });
    await raw.end();
    await db.$disconnect();

    const ratio = (a: Summary, b: Summary) => ({ p50: a.p50 / b.p50, p95: a.p95 / b.p95, p99: a.p99 / b.p99 });
    const result = {
      config: cfg,
      ours,
      baseline,
      ratio: {
        steady: ratio(ours.steady, baseline.steady),
        burst: ratio(ours.burst, baseline.burst),
        all: ratio(ours.all, baseline.all),
      },
      sendFailures: failures,
    };
    if (cfg.json) console.log(JSON.stringify(result, null, 2));
    else printTable(result);
    const lost = ours.all.lost + baseline.all.lost;
    if (lost || failures) console.error(`LOST ${lost} deliveries, ${failures} failed sends`);
    return lost || failures ? 1 : 0;
  } finally {
    for (const c of clients) c.disconnect();
    realtime?.kill("SIGTERM");
    await scratch.drop().catch(() => {});
  }
}

function printTable(r: {
  ours: Record<string, Summary>;
  baseline: Record<string, Summary>;
  ratio: Record<string, { p50: number; p95: number; p99: number }>;
}) {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "-");
  const rows: string[][] = [];
  for (const phase of ["steady", "burst", "all"] as const) {
    rows.push([
      `send path (${phase})`,
      String(r.ours[phase].n),
      String(r.ours[phase].lost),
      f(r.ours[phase].p50),
      f(r.ours[phase].p95),
      f(r.ours[phase].p99),
      f(r.ours[phase].max),
    ]);
    rows.push([
      `baseline (${phase})`,
      String(r.baseline[phase].n),
      String(r.baseline[phase].lost),
      f(r.baseline[phase].p50),
      f(r.baseline[phase].p95),
      f(r.baseline[phase].p99),
      f(r.baseline[phase].max),
    ]);
    rows.push([
      `ratio (${phase})`,
      "",
      "",
      `${f(r.ratio[phase].p50)}×`,
      `${f(r.ratio[phase].p95)}×`,
      `${f(r.ratio[phase].p99)}×`,
      "",
    ]);
  }
  const header = ["latency ms: send → event received", "samples", "lost", "p50", "p95", "p99", "max"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log("\n" + line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}
