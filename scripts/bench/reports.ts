/**
 * Report benchmark (issue 14): every report use case over a month, on a location with a year of
 * trading (~100k orders, `npm run seed:history`), side by side with the same report on the plain
 * demo (four weeks of history). The budget is < 300 ms per report over a month.
 *
 *   npm run bench:reports -- [--runs 7] [--preset last-month] [--quick] [--json]
 *
 * Cases: every `scripts/bench/reports/*.ts` exports `cases: { name, run(ctx, query) }[]`; each is
 * called as the page and the REST route call it, with `{ preset }` as its query (so it includes
 * zod, the period, the location lookup and every SQL query; not the HTTP/session layer).
 * Databases (kept between runs, built on first use — the year takes a few minutes): `kitchen_history`
 * (demo seed + a year) and `kitchen_history_base` (demo seed only) on the server of
 * BENCH_DATABASE_URL / TEST_DATABASE_URL / DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres.
 * Each database is measured in its own child process (one Prisma client per process).
 * Exit 1 when a report's median over the year database is over budget, 2 on bad flags.
 */
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Ctx } from "../../lib/auth/context";
import { migrateDatabase, withDatabase } from "../../scripts/db/database-url";
import { intFlag, percentile, UsageError } from "./lib/common";
import { DEVELOPMENT_PII_ENV } from "../../lib/pii/pii-crypto";

export type ReportCase = { name: string; run: (ctx: Ctx, query: Record<string, string>) => Promise<unknown> };

const BUDGET_MS = 300;
const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), "reports");
const YEAR_DB = "kitchen_history";
const BASE_DB = "kitchen_history_base";

type Sample = { name: string; median: number; p95: number; min: number };

function adminUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    process.env.DATABASE_URL ??
    "postgresql://postgres@127.0.0.1:5432/postgres"
  );
}

async function ensureDatabase(name: string, withYear: boolean, log: (m: string) => void): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl(), name);
  await migrateDatabase(url); // new migrations (report indexes) reach a kept database too
  await child(["--prepare", withYear ? "year" : "base"], url, log);
  return url;
}

/** Runs this file again in a child with DATABASE_URL set; resolves with its last stdout line. */
function child(args: string[], url: string, log: (m: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=react-server", fileURLToPath(import.meta.url), ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: url,
          ...DEVELOPMENT_PII_ENV,
          NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-0123456789abcdef0123456789",
          LOG_LEVEL: "error",
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    p.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      for (const line of d.toString().split("\n")) if (line.startsWith("#")) log(line.slice(1).trim());
    });
    p.on("exit", (code) =>
      code === 0
        ? resolve(
            out
              .trim()
              .split("\n")
              .filter((l) => !l.startsWith("#"))
              .at(-1) ?? "",
          )
        : reject(new Error(`child exited ${code}`)),
    );
  });
}

async function loadCases(): Promise<ReportCase[]> {
  const files = readdirSync(CASES_DIR)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort();
  const all: ReportCase[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(CASES_DIR, f)).href)) as { cases?: ReportCase[] };
    for (const c of mod.cases ?? []) all.push({ ...c, name: `${f.replace(/\.ts$/, "")}/${c.name}` });
  }
  return all;
}

/** In the child: make sure the database holds what it should (demo; the year). */
async function prepare(kind: "year" | "base"): Promise<void> {
  const { db } = await import("../../lib/db");
  const { seedDemo, DEMO_LOCATION_SLUG } = await import("../../prisma/demo-seed");
  const { backfillKitchenEvents, historyStart, seedHistory } = await import("../../prisma/demo-history");
  const location = await db.location.findUnique({ where: { slug: DEMO_LOCATION_SLUG }, select: { id: true } });
  if (!location) {
    console.log("#seeding the demo…");
    await seedDemo(db);
  }
  if (kind === "year") {
    const { id } = await db.location.findUniqueOrThrow({ where: { slug: DEMO_LOCATION_SLUG }, select: { id: true } });
    if (!(await historyStart(db, id))) {
      console.log("#seeding a year of history (once; a few minutes)…");
      const s = await seedHistory(db, id, { days: 365, ordersPerDay: 275 });
      console.log(`#seeded ${s.orders} orders, ${s.items} lines`);
    } else {
      // A year seeded before the history had kitchen events gets them now (once).
      const b = await backfillKitchenEvents(db, id);
      if (b.events) console.log(`#added ${b.events} kitchen events to the kept history`);
    }
    // Fresh planner statistics after a bulk load.
    await db.$executeRaw`ANALYZE`;
  }
  console.log("ok");
  await db.$disconnect();
}

/** In the child: time every case; prints one JSON line. */
async function measure(runs: number, preset: string): Promise<void> {
  const { db } = await import("../../lib/db");
  const m = await db.membership.findFirstOrThrow({
    where: { role: "MANAGER", location: { slug: "demo-bistro" } },
    include: { user: true },
  });
  const ctx: Ctx = {
    userId: m.userId,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    locationId: m.locationId,
    requestId: "bench",
  };
  const orders = await db.order.count({ where: { locationId: ctx.locationId } });
  const samples: Sample[] = [];
  for (const c of await loadCases()) {
    await c.run(ctx, { preset }); // warm: connection, plans, JIT
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await c.run(ctx, { preset });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    samples.push({ name: c.name, median: percentile(times, 50), p95: percentile(times, 95), min: times[0] });
  }
  console.log(JSON.stringify({ orders, samples }));
  await db.$disconnect();
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      runs: { type: "string" },
      preset: { type: "string", default: "last-month" },
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      prepare: { type: "string" },
      measure: { type: "boolean", default: false },
    },
  });
  const runs = intFlag(values.runs, values.quick ? 3 : 7, "runs", 1, 1000);
  if (values.prepare) return prepare(values.prepare === "year" ? "year" : "base").then(() => 0);
  if (values.measure) return measure(runs, values.preset!).then(() => 0);

  const log = (msg: string) => !values.json && console.log(msg);
  log(`report bench: ${values.preset}, median of ${runs} run(s) after a warm-up, budget ${BUDGET_MS} ms`);
  const baseUrl = await ensureDatabase(BASE_DB, false, log);
  const yearUrl = await ensureDatabase(YEAR_DB, true, log);
  const args = ["--measure", "--runs", String(runs), "--preset", values.preset!];
  const base = JSON.parse(await child(args, baseUrl, log)) as { orders: number; samples: Sample[] };
  const year = JSON.parse(await child(args, yearUrl, log)) as { orders: number; samples: Sample[] };
  if (values.json) {
    console.log(JSON.stringify({ budgetMs: BUDGET_MS, preset: values.preset, base, year }));
  } else {
    log(`baseline: demo seed (${base.orders} orders) · measured: a year of history (${year.orders} orders)`);
    const w = Math.max(...year.samples.map((s) => s.name.length), 10);
    log(`${"report".padEnd(w)}  baseline ms  year ms  year p95  ratio  budget`);
    for (const y of year.samples) {
      const b = base.samples.find((s) => s.name === y.name);
      const ratio = b ? (y.median / b.median).toFixed(2) : "—";
      log(
        `${y.name.padEnd(w)}  ${(b?.median.toFixed(1) ?? "—").padStart(11)}  ${y.median.toFixed(1).padStart(7)}  ${y.p95.toFixed(1).padStart(8)}  ${ratio.padStart(5)}  ${y.median < BUDGET_MS ? "ok" : "OVER"}`,
      );
    }
  }
  const over = year.samples.filter((s) => s.median >= BUDGET_MS);
  if (!year.samples.length) {
    console.error("no report cases found in scripts/bench/reports/");
    return 1;
  }
  if (over.length) console.error(`over budget: ${over.map((s) => s.name).join(", ")}`);
  return over.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
