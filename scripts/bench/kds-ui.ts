/**
 * Kitchen display and floor under load, in Chromium (issue 9): with 300 open tickets at one
 * station, how long from a realtime event reaching the page until the page's DOM shows it, how
 * long a page change takes, and which long tasks run meanwhile; the same for the floor with 100
 * tables (a table status change, and scrolling).
 *
 *   npm run bench:kds-ui -- [--tickets 300] [--tables 100] [--events 30] [--station grill]
 *                           [--app-port 3500] [--realtime-port 6501] [--trace DIR] [--quick] [--json]
 *
 * Setup:    a scratch database (migrated + demo seed, dropped afterwards) on the server of
 *           BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL (else postgresql://postgres@127.0.0.1:5432/postgres);
 *           the floor topped up to --tables tables (rows as the seed writes them: there is no
 *           use case for tables); --tickets orders opened and sent to --station through the real
 *           use cases (openOrder + sendOrder, 1–3 of the station's dishes with their required
 *           options, seats and some notes), the first ones at tables. The realtime server runs as
 *           its own process (scripts/realtime-server.ts), the app as `next start` of the production
 *           build (built first when sources changed since, as `npm run app` does).
 * Browser:  Chromium (/usr/bin/chromium when present) through Playwright. An init script wraps
 *           the page's WebSocket (pusher-js's transport) to timestamp every event frame as it
 *           arrives, and records long tasks and long animation frames (PerformanceObserver),
 *           resource timings and key presses. A MutationObserver per measurement stamps the DOM
 *           change.
 * Kitchen:  the chef's display of --station at 1920×1080. --events orders are sent from this
 *           script (sendOrder) one at a time, ~1 s apart: first while the board shows its first
 *           page (the new ticket is number 301: the ticket count and "N more" change), then on its
 *           last page (the new ticket's card itself appears; once the page is full the board is
 *           paged on, untimed, before the next send). Event → DOM = the "items.fired" frame's
 *           arrival → the MutationObserver seeing the new count; "next frame" adds a
 *           requestAnimationFrame turn (≈ painted). Send → DOM is wall clock from the sendOrder
 *           call to the DOM change (Node and Chromium share the machine's clock). The display
 *           pages instead of scrolling ("N more →", PageDown): page changes are timed from the
 *           keydown to the new "Tickets a–b of n" text, forward to the last page and back.
 * Floor:    a server's floor at 1024×768 (a tablet): a table flagged / unflagged "needs
 *           attention" (flagTable) → "table.changed" frame → the tile's data-status; scrolling
 *           the page top to bottom and back, 40 px per animation frame, timed per frame.
 * Where the time goes: for each event, the app's refetch that follows it (resource timing) splits
 *           event → DOM into waiting before the refetch, the refetch itself and rendering after it;
 *           long animation frames split slow frames into scripts (by invoker), forced and regular
 *           style/layout; the snapshot / floor use cases are also timed in-process. --trace DIR writes a
 *           Chromium performance trace of each surface's events.
 *
 * The issue's target (< 50 ms event → on screen) is printed next to the figures, never asserted.
 * Everything shares this machine: figures are noisy when it is busy (the load average is printed).
 * Exit 1 if a send failed or an event never showed up on the page; 2 on bad flags or a port in use.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { chromium, type Browser, type Page } from "@playwright/test";
import { buildIsStale, NEXT_BIN, waitForExit, waitUntilServing } from "../app/next-server";
import { DEVELOPMENT_PII_ENV } from "../../lib/pii/pii-crypto";
import { createScratchDatabase, migrateDatabase, REPO_ROOT } from "../db/database-url";
import { startRealtimeProcess } from "./lib/realtime-process";
import { intFlag, percentile, sleep, UsageError } from "./lib/common";

const APP = { id: "bench-kds-ui", key: "bench-kds-ui-key", secret: "bench-kds-ui-secret" };
const SECRET = "bench-only-secret-0123456789abcdef0123456789";
const CHROMIUM = "/usr/bin/chromium";
const TARGET_MS = 50;
const EVENT_TIMEOUT_MS = 10_000;
const EVENT_GAP_MS = 800; // plus up to 400 ms jitter: not in step with the display's 1 s clock
const MAX_PAGES = 80;
const SCROLL_STEP_PX = 40;

type Config = {
  tickets: number;
  tables: number;
  events: number;
  station: string;
  appPort: number;
  realtimePort: number;
  trace: string | null;
  quick: boolean;
  json: boolean;
};

function parseConfig(): Config {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      tickets: { type: "string" },
      tables: { type: "string" },
      events: { type: "string" },
      station: { type: "string" },
      "app-port": { type: "string" },
      "realtime-port": { type: "string" },
      trace: { type: "string" },
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const int = (raw: string | undefined, fallback: number, name: string, min = 1) => intFlag(raw, fallback, name, min);
  const quick = values.quick ?? false;
  const station = values.station ?? "grill";
  if (!/^[a-z0-9-]+$/.test(station)) throw new UsageError("--station must be a station slug");
  return {
    tickets: int(values.tickets, 300, "tickets", 0),
    tables: int(values.tables, 100, "tables"),
    events: int(values.events, quick ? 6 : 30, "events"),
    station,
    appPort: int(values["app-port"], 3500, "app-port"),
    realtimePort: int(values["realtime-port"], 6501, "realtime-port"),
    trace: values.trace ?? null,
    quick,
    json: values.json ?? false,
  };
}

// ---- cleanup -----------------------------------------------------------------------------------

const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | null = null;

/** Runs the registered cleanups once, last registered first; never throws. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn().catch(() => undefined);
  })();
  return cleaning;
}

// ---- processes ---------------------------------------------------------------------------------

async function assertPortFree(port: number, flag: string): Promise<void> {
  const srv = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      srv.once("error", reject);
      srv.listen(port, "127.0.0.1", resolve);
    });
  } catch {
    throw new UsageError(`port ${port} is in use: pick another with ${flag}`);
  } finally {
    srv.close();
  }
}

/** Stops `child` (SIGTERM, then SIGKILL after 15 s) when the run ends, however it ends. */
function stopOnCleanup(child: ChildProcess, label: string): ChildProcess {
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.stderr.write(`kds-ui: stopping the ${label}…\n`);
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.kill("SIGTERM");
    await waitForExit(child);
    clearTimeout(timer);
  });
  return child;
}

/** mulberry32: the same tickets every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- in-page recorder --------------------------------------------------------------------------

/**
 * Installed before any page script runs. Plain JavaScript in a string: functions Playwright
 * serialises from this file would carry tsx's name helpers, which do not exist in the page.
 */
const PAGE_RECORDER = `(() => {
  const rec = { frames: [], longTasks: [], loafs: [], keys: [], watched: null };
  window.__bench = rec;
  performance.setResourceTimingBufferSize(100000);
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      // Registered before pusher-js sets onmessage, so it runs first in the same task.
      this.addEventListener("message", (e) => {
        const t = performance.now();
        try {
          const f = JSON.parse(e.data);
          if (typeof f.event !== "string" || f.event.startsWith("pusher")) return;
          rec.frames.push({ t, event: f.event, channel: f.channel, data: typeof f.data === "string" ? JSON.parse(f.data) : f.data });
        } catch {}
      });
    }
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  // Long animation frames say what a slow frame spent its time on (scripts, forced layout, rendering).
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        rec.loafs.push({
          start: e.startTime,
          duration: e.duration,
          styleAndLayoutStart: e.styleAndLayoutStart,
          scripts: e.scripts.map((x) => ({
            invoker: x.invoker,
            duration: x.duration,
            forced: x.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch {}
  window.addEventListener("keydown", (e) => rec.keys.push({ key: e.key, t: e.timeStamp }), { capture: true });

  /** Resolve once selector's text/attribute equals \`equals\` (or differs from \`differsFrom\`). */
  rec.watch = (spec) => {
    const read = () => {
      const el = document.querySelector(spec.selector);
      if (!el) return null;
      return spec.attr ? el.getAttribute(spec.attr) : el.textContent;
    };
    const done = () => {
      const v = read();
      return v !== null && (spec.equals !== undefined ? v === spec.equals : v !== spec.differsFrom);
    };
    rec.watched = new Promise((resolve) => {
      const mo = new MutationObserver(() => {
        if (!done()) return;
        const dom = performance.now();
        mo.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => setTimeout(() => resolve({ dom, frame: performance.now(), value: read() }), 0));
      });
      const timer = setTimeout(() => {
        mo.disconnect();
        resolve(null);
      }, spec.timeoutMs);
      mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  };

  /** The event frame, the refetch after it and the long tasks up to \`until\`. */
  rec.collect = (q) => {
    const frame = rec.frames.find((f) => f.event === q.event && f.data && f.data[q.key] === q.value);
    const from = frame ? frame.t : q.fallbackFrom;
    const fetch = performance
      .getEntriesByType("resource")
      .find((r) => r.name.includes(q.resource) && r.startTime >= from);
    const overlapping = rec.longTasks.filter((l) => l.start + l.duration > from && l.start < q.until);
    return {
      event: frame ? frame.t : null,
      fetch: fetch ? { start: fetch.startTime, end: fetch.responseEnd } : null,
      longTaskCount: overlapping.length,
      longTaskMs: overlapping.reduce((n, l) => n + l.duration, 0),
    };
  };

  rec.between = (a, b) => ({
    longTasks: rec.longTasks.filter((l) => l.start >= a && l.start < b),
    frames: rec.loafs.filter((l) => l.start >= a && l.start < b),
  });

  /** Scroll the document top → bottom → top, \`step\` px per animation frame; the frame intervals. */
  rec.scroll = async (step) => {
    const raf = () => new Promise((r) => requestAnimationFrame(r));
    const se = document.scrollingElement;
    se.scrollTop = 0;
    await raf();
    await raf();
    const max = se.scrollHeight - window.innerHeight;
    const gaps = [];
    if (max <= 0) return { max, gaps, start: performance.now(), end: performance.now() };
    const start = performance.now();
    let last = start;
    const go = async (y) => {
      se.scrollTop = y;
      await raf();
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    };
    for (let y = step; y < max; y += step) await go(y);
    await go(max);
    for (let y = max - step; y > 0; y -= step) await go(y);
    await go(0);
    return { max, gaps, start, end: last };
  };
})();`;

type WatchSpec = { selector: string; attr?: string; equals?: string; differsFrom?: string; timeoutMs: number };
type Watched = { dom: number; frame: number; value: string | null } | null;
type Collected = {
  event: number | null;
  fetch: { start: number; end: number } | null;
  longTaskCount: number;
  longTaskMs: number;
};
type LongTask = { start: number; duration: number };
type LongFrame = {
  start: number;
  duration: number;
  styleAndLayoutStart: number;
  scripts: { invoker: string; duration: number; forced: number }[];
};
type Slow = { longTasks: LongTask[]; frames: LongFrame[] };
type ScrollResult = { max: number; gaps: number[]; start: number; end: number };
type PageRecorder = {
  watch(spec: WatchSpec): void;
  watched: Promise<Watched>;
  collect(q: {
    event: string;
    key: string;
    value: string;
    resource: string;
    until: number;
    fallbackFrom: number;
  }): Collected;
  between(a: number, b: number): Slow;
  keys: { key: string; t: number }[];
  scroll(step: number): Promise<ScrollResult>;
};
declare global {
  interface Window {
    __bench: PageRecorder;
  }
}

const pageNow = (page: Page) => page.evaluate(() => performance.now());
const timeOrigin = (page: Page) => page.evaluate(() => performance.timeOrigin);

/** One measured change: watch the DOM, make the change from Node, wait, read the page's stamps. */
async function measure(
  page: Page,
  spec: Omit<WatchSpec, "timeoutMs">,
  act: () => Promise<unknown>,
  event: { event: string; key: string; value: string; resource: string },
  origin: number,
): Promise<Sample> {
  await page.evaluate((s) => window.__bench.watch(s), { ...spec, timeoutMs: EVENT_TIMEOUT_MS });
  const before = await pageNow(page);
  const sentAt = Date.now();
  await act();
  const watched = await page.evaluate(() => window.__bench.watched);
  const until = watched?.dom ?? (await pageNow(page));
  const c = await page.evaluate((q) => window.__bench.collect(q), { ...event, until, fallbackFrom: before });
  if (!watched) return { seen: false, longTaskCount: c.longTaskCount, longTaskMs: c.longTaskMs };
  return {
    seen: true,
    value: watched.value,
    eventToDom: c.event === null ? undefined : watched.dom - c.event,
    eventToFrame: c.event === null ? undefined : watched.frame - c.event,
    sendToDom: origin + watched.dom - sentAt,
    sendToEvent: c.event === null ? undefined : origin + c.event - sentAt,
    beforeRefetch: c.event !== null && c.fetch ? c.fetch.start - c.event : undefined,
    refetch: c.fetch ? c.fetch.end - c.fetch.start : undefined,
    afterRefetch: c.fetch ? watched.dom - c.fetch.end : undefined,
    longTaskCount: c.longTaskCount,
    longTaskMs: c.longTaskMs,
  };
}

type Sample = {
  seen: boolean;
  value?: string | null;
  eventToDom?: number;
  eventToFrame?: number;
  sendToDom?: number;
  sendToEvent?: number;
  beforeRefetch?: number;
  refetch?: number;
  afterRefetch?: number;
  longTaskCount: number;
  longTaskMs: number;
};

// ---- stats -------------------------------------------------------------------------------------

type Summary = { n: number; p50: number; p95: number; max: number };

function summarise(values: (number | undefined)[]): Summary {
  const s = values.filter((v): v is number => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  const q = (p: number) => percentile(s, p);
  return { n: s.length, p50: q(50), p95: q(95), max: s[s.length - 1] ?? NaN };
}

function eventFigures(samples: Sample[]) {
  return {
    events: samples.length,
    notSeen: samples.filter((s) => !s.seen).length,
    eventToDom: summarise(samples.map((s) => s.eventToDom)),
    eventToFrame: summarise(samples.map((s) => s.eventToFrame)),
    sendToEvent: summarise(samples.map((s) => s.sendToEvent)),
    sendToDom: summarise(samples.map((s) => s.sendToDom)),
    beforeRefetch: summarise(samples.map((s) => s.beforeRefetch)),
    refetch: summarise(samples.map((s) => s.refetch)),
    afterRefetch: summarise(samples.map((s) => s.afterRefetch)),
    longTasksDuring: summarise(samples.map((s) => s.longTaskMs)),
    eventsWithLongTasks: samples.filter((s) => s.longTaskCount > 0).length,
  };
}

function longTaskFigures({ longTasks, frames }: Slow, seconds: number) {
  const d = longTasks.map((t) => t.duration);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const scripts = frames.flatMap((f) => f.scripts);
  const byInvoker = new Map<string, number>();
  for (const x of scripts) byInvoker.set(x.invoker, (byInvoker.get(x.invoker) ?? 0) + x.duration);
  return {
    count: d.length,
    totalMs: sum(d),
    max: d.length ? Math.max(...d) : 0,
    seconds,
    longAnimationFrames: {
      count: frames.length,
      totalMs: sum(frames.map((f) => f.duration)),
      scriptMs: sum(scripts.map((x) => x.duration)),
      forcedStyleAndLayoutMs: sum(scripts.map((x) => x.forced)),
      styleAndLayoutMs: sum(
        frames.map((f) => (f.styleAndLayoutStart ? f.start + f.duration - f.styleAndLayoutStart : 0)),
      ),
      topScripts: [...byInvoker]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([invoker, ms]) => ({ invoker, ms })),
    },
  };
}

async function timeUseCase(fn: () => Promise<unknown>, runs: number): Promise<Summary> {
  await fn(); // warm
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return summarise(t);
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let cfg: Config;
  try {
    cfg = parseConfig();
  } catch (error) {
    const usage = error instanceof UsageError || String((error as { code?: string }).code).startsWith("ERR_PARSE_ARGS");
    if (!usage) throw error;
    process.stderr.write(`kds-ui: ${(error as Error).message}\n`);
    return 2;
  }
  const log = (m: string) => (cfg.json ? process.stderr : process.stdout).write(`${m}\n`);
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgresql://postgres@127.0.0.1:5432/postgres";
  const load0 = loadavg();
  log(
    `kds-ui bench: ${cfg.tickets} open tickets at "${cfg.station}", ${cfg.tables} tables, ${cfg.events} events per measurement` +
      `${cfg.quick ? " (quick)" : ""}; ${cpus().length} CPU(s), load average ${load0.map((l) => l.toFixed(1)).join(" ")}`,
  );
  await assertPortFree(cfg.appPort, "--app-port");
  await assertPortFree(cfg.realtimePort, "--realtime-port");

  const scratch = await createScratchDatabase(adminUrl, "kp_bench_kdsui");
  cleanups.push(() => scratch.drop());
  await migrateDatabase(scratch.url);
  const env = {
    DATABASE_URL: scratch.url,
    NEXTAUTH_SECRET: SECRET,
    ...DEVELOPMENT_PII_ENV,
    NEXTAUTH_URL: `http://localhost:${cfg.appPort}`,
    PUSHER_APP_ID: APP.id,
    PUSHER_KEY: APP.key,
    PUSHER_SECRET: APP.secret,
    PUSHER_HOST: "127.0.0.1",
    PUSHER_PORT: String(cfg.realtimePort),
    PUSHER_USE_TLS: "false",
    // Per-process rate limits: a shared Redis would carry sign-in counts between runs.
    REDIS_URL: "",
    UPSTASH_REDIS_REST_URL: "",
    UPSTASH_REDIS_REST_TOKEN: "",
    LOG_LEVEL: "warn",
  };
  Object.assign(process.env, env);
  // Imported after the env points at the scratch database and this run's realtime server.
  const { db } = await import("../../lib/db");
  cleanups.push(() => db.$disconnect());
  const { seedDemo, DEMO_PASSWORD } = await import("../../prisma/demo-seed");
  const { openOrder } = await import("../../lib/orders/open-order");
  const { sendOrder } = await import("../../lib/orders/send-order");
  const { flagTable } = await import("../../lib/tables/flag-table");
  const { flushPublishes } = await import("../../lib/realtime/publish");
  const { getStationSnapshot } = await import("../../lib/kitchen/get-station-snapshot");
  const { listFloor } = await import("../../lib/tables/list-floor");

  await seedDemo(db);
  await db.stockLevel.updateMany({ data: { quantity: 1_000_000 } });
  const ctxOf = async (email: string) => {
    const m = await db.membership.findFirstOrThrow({
      where: { user: { email }, location: { slug: "demo-bistro" } },
      include: { user: true },
    });
    return {
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      locationId: m.locationId,
      requestId: "bench-kds-ui",
    };
  };
  const server = await ctxOf("server@demo.kitchen");
  const chef = await ctxOf("chef@demo.kitchen");
  const locationId = server.locationId;

  // Top the floor up to --tables, as the seed writes tables (numbered labels, new areas of 40).
  const existing = await db.diningTable.findMany({ where: { locationId }, select: { label: true } });
  const taken = new Set(existing.map((t) => t.label));
  for (let added = 0, label = 1, area = 0; existing.length + added < cfg.tables; area++) {
    const { id: areaId } = await db.floorArea.create({
      data: { locationId, name: `Bench room ${area + 1}`, sortOrder: 10 + area },
    });
    const rows = [];
    for (let i = 0; i < 40 && existing.length + added < cfg.tables; label++) {
      if (taken.has(String(label))) continue;
      rows.push({
        locationId,
        areaId,
        label: String(label),
        seats: 2 + (i % 3) * 2,
        posX: (i % 6) * 2,
        posY: Math.floor(i / 6) * 2,
      });
      i++;
      added++;
    }
    await db.diningTable.createMany({ data: rows });
  }
  const tables = await db.diningTable.findMany({ where: { locationId }, select: { id: true, label: true } });
  tables.sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));

  // The station's dishes that can be ordered now, with their options.
  const station = await db.kitchenStation.findFirstOrThrow({ where: { locationId, slug: cfg.station } });
  const dishes = await db.menuItem.findMany({
    where: {
      locationId,
      stationId: station.id,
      is86d: false,
      archivedAt: null,
      seasonalFrom: null,
      seasonalTo: null,
      availability: { none: {} },
    },
    include: { modifierGroups: { include: { group: { include: { modifiers: true } } } } },
  });
  if (dishes.length === 0) throw new UsageError(`station "${cfg.station}" has no dish that can be ordered now`);
  const rng = random(9);
  const NOTES = ["no pickles", "sauce on the side", "extra crispy", "allergy: sesame", "cut in half", "rush"];
  const linesFor = (guests: number) =>
    Array.from({ length: 1 + Math.floor(rng() * 3) }, () => {
      const dish = dishes[Math.floor(rng() * dishes.length)];
      const modifierIds = dish.modifierGroups.flatMap(({ group }) =>
        group.modifiers.length && (group.minSelect > 0 || rng() < 0.3)
          ? [group.modifiers[Math.floor(rng() * group.modifiers.length)].id]
          : [],
      );
      return {
        menuItemId: dish.id,
        quantity: rng() < 0.85 ? 1 : 2,
        modifierIds,
        seat: 1 + Math.floor(rng() * guests),
        course: "MAINS" as const,
        notes: rng() < 0.15 ? NOTES[Math.floor(rng() * NOTES.length)] : "",
      };
    });
  let sends = 0;
  const send = async (orderId: string, guests = 2) => {
    sends++;
    await sendOrder(server, { orderId, idempotencyKey: `bench-kds-ui-${orderId}`, items: linesFor(guests) });
  };

  // Realtime first (the sends below publish); the production build meanwhile if it is stale.
  stopOnCleanup(await startRealtimeProcess(cfg.realtimePort, APP), "realtime server");
  const stale = buildIsStale();
  let build: Promise<number> = Promise.resolve(0);
  if (stale) {
    log(`${stale}: next build (minutes) while the tickets are sent…`);
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", 2, 2], // stdout stays ours (--json)
    });
    build = waitForExit(stopOnCleanup(child, "next build"));
  }

  log(`sending ${cfg.tickets} tickets to ${station.name} through openOrder + sendOrder…`);
  const prepStart = performance.now();
  const seated = Math.min(tables.length, Math.round(cfg.tickets * 0.2), Math.round(tables.length * 0.6));
  for (let i = 0; i < cfg.tickets; i++) {
    const guests = 1 + Math.floor(rng() * 4);
    const { orderId } = await openOrder(server, { tableId: i < seated ? tables[i].id : null, guestCount: guests });
    await send(orderId, guests);
  }
  // Orders for the measured sends, opened now so their "opened" events are long gone.
  const measuredOrders: string[] = [];
  for (let i = 0; i < 2 * cfg.events; i++) measuredOrders.push((await openOrder(server, { tableId: null })).orderId);
  await flushPublishes();
  log(`  done in ${((performance.now() - prepStart) / 1000).toFixed(1)} s (${seated} of them at tables)`);

  const built = await build;
  if (built !== 0) throw new Error(`next build failed (exit ${built})`);
  // After the build: its CPU would be in these figures.
  const snapshotUseCase = await timeUseCase(() => getStationSnapshot(chef, { station: cfg.station }), 10);
  const floorUseCase = await timeUseCase(() => listFloor(server), 10);
  const baseURL = `http://localhost:${cfg.appPort}`;
  log(`starting next start on ${baseURL}…`);
  const app = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(cfg.appPort)], {
    cwd: REPO_ROOT,
    stdio: ["ignore", 2, 2],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  stopOnCleanup(app, "app (next start)");
  if (!(await waitUntilServing(`http://127.0.0.1:${cfg.appPort}/api/health/ready`, app))) {
    throw new Error("next start exited before serving");
  }
  log("app ready; launching Chromium…");
  const browser: Browser = await chromium.launch({
    ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}),
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    // Playwright's own handlers exit the process after closing the browser: ours also stop the servers.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  cleanups.push(() => browser.close());
  if (cfg.trace) mkdirSync(cfg.trace, { recursive: true });

  const openAs = async (email: string, viewport: { width: number; height: number }, touch: boolean) => {
    const context = await browser.newContext({ baseURL, viewport, hasTouch: touch });
    await context.addInitScript({ content: PAGE_RECORDER });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 });
    return page;
  };
  const live = (page: Page) => page.locator('[data-testid="realtime-health"][data-state="live"]').first().waitFor();

  // ---- kitchen display ----
  log(`kitchen: ${station.name} display at 1920×1080…`);
  const kds = await openAs("chef@demo.kitchen", { width: 1920, height: 1080 }, false);
  const kdsLoadStart = Date.now();
  await kds.goto(`/kitchen/${cfg.station}`);
  await kds.locator('[data-testid="kds-ticket"]').first().waitFor();
  const kdsLoadMs = Date.now() - kdsLoadStart;
  await live(kds);
  await sleep(2_000);
  const kdsOrigin = await timeOrigin(kds);
  if (cfg.trace) await browser.startTracing(kds, { path: path.join(cfg.trace, "kitchen-trace.json") });
  const countText = () => kds.getByTestId("ticket-count").textContent();
  const rangeText = async () => (await kds.getByTestId("page-range").textContent()) ?? "";
  let onBoard = Number.parseInt((await countText()) ?? "", 10);
  const kdsStart = await pageNow(kds);
  const perPage = await kds.locator('[data-testid="kds-ticket"]').count();

  const kitchenEvent = async (orderId: string) => {
    const sample = await measure(
      kds,
      { selector: '[data-testid="ticket-count"]', equals: `${onBoard + 1} tickets` },
      () => send(orderId),
      { event: "items.fired", key: "orderId", value: orderId, resource: "/api/v1/kitchen/snapshot" },
      kdsOrigin,
    );
    onBoard = Number.parseInt((await countText()) ?? "", 10);
    const card = await kds.locator(`[data-ticket^="${orderId}:"]`).count();
    await sleep(EVENT_GAP_MS + rng() * 400);
    return { ...sample, card: card > 0 };
  };

  log(`  ${cfg.events} new tickets while the first page is shown…`);
  const firstPage: (Sample & { card: boolean })[] = [];
  for (let i = 0; i < cfg.events; i++) firstPage.push(await kitchenEvent(measuredOrders[i]));
  const firstPageEnd = await pageNow(kds);

  const pageChange = async (key: "PageDown" | "PageUp") => {
    const from = await rangeText();
    await kds.evaluate((s) => window.__bench.watch(s), {
      selector: '[data-testid="page-range"]',
      differsFrom: from,
      timeoutMs: EVENT_TIMEOUT_MS,
    });
    await kds.keyboard.press(key);
    const watched = await kds.evaluate(() => window.__bench.watched);
    const keys = await kds.evaluate(() => window.__bench.keys);
    const pressed = keys.filter((k) => k.key === key).at(-1);
    await sleep(150);
    return watched && pressed ? { ms: watched.dom - pressed.t, frameMs: watched.frame - pressed.t } : null;
  };
  log("  paging to the last page…");
  const pagingStart = await pageNow(kds);
  const forward: { ms: number; frameMs: number }[] = [];
  let stuck = 0;
  while (forward.length < MAX_PAGES && (await kds.getByTestId("page-more").isEnabled())) {
    const r = await pageChange("PageDown");
    if (r) forward.push(r);
    else if (++stuck > 2) break;
  }
  const pagingEnd = await pageNow(kds);
  const lastRange = await rangeText();

  log(`  ${cfg.events} new tickets while the last page is shown (${lastRange})…`);
  const lastPage: (Sample & { card: boolean })[] = [];
  for (let i = 0; i < cfg.events; i++) {
    // Follow the board to its new last page once it is full, so each new card has room to appear.
    if ((await kds.getByTestId("page-more").isEnabled()) && !(await pageChange("PageDown"))) break;
    lastPage.push(await kitchenEvent(measuredOrders[cfg.events + i]));
  }
  const lastPageEnd = await pageNow(kds);

  log("  paging back to the first page…");
  const backward: { ms: number; frameMs: number }[] = [];
  stuck = 0;
  while (backward.length < MAX_PAGES && (await kds.getByTestId("page-earlier").isEnabled())) {
    const r = await pageChange("PageUp");
    if (r) backward.push(r);
    else if (++stuck > 2) break;
  }
  const kdsEnd = await pageNow(kds);
  if (cfg.trace) await browser.stopTracing();
  const kdsSlow = await kds.evaluate(([a, b]) => window.__bench.between(a, b), [kdsStart, kdsEnd]);
  const between = (a: number, b: number): Slow => ({
    longTasks: kdsSlow.longTasks.filter((t) => t.start >= a && t.start < b),
    frames: kdsSlow.frames.filter((t) => t.start >= a && t.start < b),
  });
  await kds.context().close();

  // ---- floor ----
  log(`floor: ${tables.length} tables at 1024×768…`);
  const floor = await openAs("server@demo.kitchen", { width: 1024, height: 768 }, true);
  const floorLoadStart = Date.now();
  await floor.goto("/floor");
  await floor
    .locator('[data-testid="table-tile"]')
    .nth(tables.length - 1)
    .waitFor();
  const floorLoadMs = Date.now() - floorLoadStart;
  await live(floor);
  await sleep(2_000);
  const floorOrigin = await timeOrigin(floor);
  if (cfg.trace) await browser.startTracing(floor, { path: path.join(cfg.trace, "floor-trace.json") });
  const floorStart = await pageNow(floor);
  const scroll = await floor.evaluate((step) => window.__bench.scroll(step), SCROLL_STEP_PX);
  const scrollTasks = await floor.evaluate(([a, b]) => window.__bench.between(a, b), [scroll.start, scroll.end]);

  log(`  ${cfg.events} table status changes…`);
  const flagged = new Set<string>();
  const floorSamples: Sample[] = [];
  for (let i = 0; i < cfg.events; i++) {
    const table = tables[(i * 7) % tables.length];
    const selector = `[data-testid="table-tile"][data-label="${table.label}"]`;
    const from = (await floor.locator(selector).getAttribute("data-status")) ?? "";
    const attention = !flagged.has(table.id);
    floorSamples.push(
      await measure(
        floor,
        { selector, attr: "data-status", differsFrom: from },
        async () => {
          await flagTable(server, { tableId: table.id, attention });
          if (attention) flagged.add(table.id);
          else flagged.delete(table.id);
        },
        { event: "table.changed", key: "tableId", value: table.id, resource: "/api/v1/floor" },
        floorOrigin,
      ),
    );
    await sleep(EVENT_GAP_MS + rng() * 400);
  }
  const floorEnd = await pageNow(floor);
  if (cfg.trace) await browser.stopTracing();
  const floorTasks = await floor.evaluate(([a, b]) => window.__bench.between(a, b), [floorStart, floorEnd]);
  await floor.context().close();

  const result = {
    config: cfg,
    machine: { cpus: cpus().length, loadAverageStart: load0, loadAverageEnd: loadavg() },
    targetMs: TARGET_MS,
    setup: { tickets: cfg.tickets, seatedTickets: seated, tables: tables.length, sends, dishes: dishes.length },
    useCasesInProcess: { stationSnapshot: snapshotUseCase, listFloor: floorUseCase },
    kitchen: {
      loadMs: kdsLoadMs,
      ticketsOnFirstPage: perPage,
      firstPage: { ...eventFigures(firstPage), cardsShown: firstPage.filter((s) => s.card).length },
      lastPage: { ...eventFigures(lastPage), cardsShown: lastPage.filter((s) => s.card).length, range: lastRange },
      pageForward: { ...summarise(forward.map((p) => p.ms)), nextFrame: summarise(forward.map((p) => p.frameMs)) },
      pageBack: { ...summarise(backward.map((p) => p.ms)), nextFrame: summarise(backward.map((p) => p.frameMs)) },
      longTasks: {
        firstPageEvents: longTaskFigures(between(kdsStart, firstPageEnd), (firstPageEnd - kdsStart) / 1000),
        paging: longTaskFigures(between(pagingStart, pagingEnd), (pagingEnd - pagingStart) / 1000),
        lastPageEvents: longTaskFigures(between(pagingEnd, lastPageEnd), (lastPageEnd - pagingEnd) / 1000),
        all: longTaskFigures(kdsSlow, (kdsEnd - kdsStart) / 1000),
      },
    },
    floor: {
      loadMs: floorLoadMs,
      events: eventFigures(floorSamples),
      scroll: {
        scrollablePx: scroll.max,
        frames: scroll.gaps.length,
        frameInterval: summarise(scroll.gaps),
        framesOver50ms: scroll.gaps.filter((g) => g > 50).length,
        longTasks: longTaskFigures(scrollTasks, (scroll.end - scroll.start) / 1000),
      },
      longTasks: longTaskFigures(floorTasks, (floorEnd - floorStart) / 1000),
    },
  };
  if (cfg.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else printReport(result);

  const missing = result.kitchen.firstPage.notSeen + result.kitchen.lastPage.notSeen + result.floor.events.notSeen;
  if (missing)
    process.stderr.write(`kds-ui: ${missing} event(s) never showed up on the page within ${EVENT_TIMEOUT_MS} ms\n`);
  return missing ? 1 : 0;
}

// ---- report ------------------------------------------------------------------------------------

type Result = {
  targetMs: number;
  machine: { loadAverageStart: number[]; loadAverageEnd: number[] };
  setup: { tickets: number; seatedTickets: number; tables: number };
  useCasesInProcess: { stationSnapshot: Summary; listFloor: Summary };
  kitchen: {
    loadMs: number;
    ticketsOnFirstPage: number;
    firstPage: ReturnType<typeof eventFigures> & { cardsShown: number };
    lastPage: ReturnType<typeof eventFigures> & { cardsShown: number; range: string };
    pageForward: Summary & { nextFrame: Summary };
    pageBack: Summary & { nextFrame: Summary };
    longTasks: Record<string, ReturnType<typeof longTaskFigures>>;
  };
  floor: {
    loadMs: number;
    events: ReturnType<typeof eventFigures>;
    scroll: {
      scrollablePx: number;
      frames: number;
      frameInterval: Summary;
      framesOver50ms: number;
      longTasks: ReturnType<typeof longTaskFigures>;
    };
    longTasks: ReturnType<typeof longTaskFigures>;
  };
};

function printReport(r: Result): void {
  const f = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(1) : n.toFixed(0)) : "-");
  const row = (label: string, s: Summary): string[] => [label, String(s.n), f(s.p50), f(s.p95), f(s.max)];
  const eventRows = (x: ReturnType<typeof eventFigures>): string[][] => [
    row("  event received → DOM", x.eventToDom),
    row("  event received → next frame", x.eventToFrame),
    row("  send called → event received", x.sendToEvent),
    row("  send called → DOM", x.sendToDom),
    row("    event → refetch starts", x.beforeRefetch),
    row("    refetch (HTTP)", x.refetch),
    row("    refetch done → DOM", x.afterRefetch),
    row("    long tasks in event → DOM", x.longTasksDuring),
  ];
  const k = r.kitchen;
  const rows: string[][] = [
    [`kitchen, ${r.setup.tickets}+ open tickets (1920×1080)`, "", "", "", ""],
    [` new ticket, first page shown (${k.firstPage.cardsShown} cards on screen)`, "", "", "", ""],
    ...eventRows(k.firstPage),
    [` new ticket, last page shown (${k.lastPage.cardsShown} of ${k.lastPage.events} cards on screen)`, "", "", "", ""],
    ...eventRows(k.lastPage),
    row(" page change → DOM (PageDown, fetches)", k.pageForward),
    row(" page change → next frame (PageDown)", k.pageForward.nextFrame),
    row(" page change → DOM (PageUp, cached)", k.pageBack),
    row(" station snapshot use case, in-process", r.useCasesInProcess.stationSnapshot),
    [`floor, ${r.setup.tables} tables (1024×768)`, "", "", "", ""],
    [" table status change", "", "", "", ""],
    ...eventRows(r.floor.events),
    row(" scroll: frame interval", r.floor.scroll.frameInterval),
    row(" floor use case, in-process", r.useCasesInProcess.listFloor),
  ];
  const header = ["ms", "n", "p50", "p95", "max"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
  const lt = (x: ReturnType<typeof longTaskFigures>) => {
    const a = x.longAnimationFrames;
    const top = a.topScripts.map((t) => `${t.invoker} ${f(t.ms)}`).join(", ");
    return (
      `${x.count} long task(s), ${f(x.totalMs)} ms in all, longest ${f(x.max)} ms, over ${f(x.seconds)} s` +
      (a.count
        ? ` [${a.count} long frame(s) ${f(a.totalMs)} ms: scripts ${f(a.scriptMs)} (forced style/layout ${f(a.forcedStyleAndLayoutMs)}), ` +
          `style/layout ${f(a.styleAndLayoutMs)}${top ? `; ${top}` : ""}]`
        : "")
    );
  };
  out.push(
    "",
    `target: event → on screen < ${r.targetMs} ms. ` +
      `Measured p95 event → DOM: kitchen ${f(k.firstPage.eventToDom.p95)} / ${f(k.lastPage.eventToDom.p95)} ms (first / last page), ` +
      `floor ${f(r.floor.events.eventToDom.p95)} ms`,
    `kitchen: first tickets on screen ${k.loadMs} ms after navigation; ${k.ticketsOnFirstPage} tickets fit the first page; ` +
      `last page "${k.lastPage.range}"`,
    `kitchen, first-page events: ${lt(k.longTasks.firstPageEvents)}`,
    `kitchen, paging: ${lt(k.longTasks.paging)}`,
    `kitchen, last-page events: ${lt(k.longTasks.lastPageEvents)}`,
    `floor: all tables on screen ${r.floor.loadMs} ms after navigation; scroll ${r.floor.scroll.scrollablePx} px down and back ` +
      `in ${r.floor.scroll.frames} frames, ${r.floor.scroll.framesOver50ms} over 50 ms`,
    `floor, scrolling: ${lt(r.floor.scroll.longTasks)}`,
    `floor, whole run: ${lt(r.floor.longTasks)}`,
    `load average ${r.machine.loadAverageStart.map((l) => l.toFixed(1)).join(" ")} at start, ` +
      `${r.machine.loadAverageEnd.map((l) => l.toFixed(1)).join(" ")} at the end`,
  );
  process.stdout.write(`\n${out.join("\n")}\n`);
}

// ---- entry ---------------------------------------------------------------------------------------

// The use cases start with `import "server-only"`, which resolves to an empty module only under
// the "react-server" export condition (as inside Next). Re-run this file with that condition.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const child = spawn(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], {
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      process.stderr.write(`kds-ui: ${signal}, cleaning up\n`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  main().then(
    (code) => cleanup().finally(() => process.exit(code)),
    (error: unknown) => {
      // Once interrupted, the browser closing under a running step is expected, not news.
      if (!cleaning) {
        process.stderr.write(`kds-ui: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      }
      void cleanup().finally(() => process.exit(error instanceof UsageError ? 2 : 1));
    },
  );
}
