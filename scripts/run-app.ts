/**
 * `npm run app` (production build) and `npm run app:dev` (next dev): one command from a fresh
 * checkout to a running kitchen. Starts what is missing (embedded PostgreSQL, realtime server),
 * migrates, seeds the demo once, builds when sources changed, and stops everything on Ctrl-C.
 *
 * Env (all optional; `.env` is read without overriding the shell):
 *   DATABASE_URL      use this PostgreSQL instead of the embedded one (data in .data/postgres)
 *   EMBEDDED_PG_PORT  port of the embedded PostgreSQL (54329)
 *   PORT              app port (3000)
 *   PUSHER_HOST       use this Pusher-protocol server instead of the built-in one
 *   REALTIME_PORT / REALTIME_HOST  built-in realtime server (6001 / 127.0.0.1)
 *   NEXTAUTH_URL      defaults to http://localhost:$PORT (set it to reach the app from other devices)
 *   NEXTAUTH_SECRET, PUSHER_APP_ID / PUSHER_KEY / PUSHER_SECRET  generated once into .data/
 *   PII_KEYS, PII_HASH_KEY  the fixed development key (not secret) unless set
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseIsEmpty, migrateDatabase, REPO_ROOT } from "./db/database-url";
import { DEVELOPMENT_PII_ENV } from "../lib/pii/pii-crypto";
import { buildIsStale, NEXT_BIN, waitForExit, waitUntilServing } from "./app/next-server";
import type { EmbeddedPostgres } from "./db/embedded-postgres";
import type { RealtimeServer } from "../realtime-server/server";

const DEV = process.argv.includes("--dev");
const DATA_DIR = path.join(REPO_ROOT, ".data");

// ------------------------------------------------------------------------------------------
// Console output
// ------------------------------------------------------------------------------------------

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = paint("1");
const dim = paint("2");
const green = paint("32");
const red = paint("31");
const cyan = paint("36");

function step(label: string, message: string): void {
  console.log(`${cyan("▸")} ${bold(label.padEnd(10))} ${message}`);
}
function ok(label: string, message: string): void {
  console.log(`${green("✓")} ${bold(label.padEnd(10))} ${message}`);
}

// ------------------------------------------------------------------------------------------
// Environment
// ------------------------------------------------------------------------------------------

function loadDotEnv(): string[] {
  const loaded: string[] = [];
  for (const file of [".env.local", ".env"]) {
    const p = path.join(REPO_ROOT, file);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, "utf8").split("\n")) {
      const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
      if (!m || process.env[m[1]] !== undefined) continue;
      process.env[m[1]] = m[2].replace(/^(["'])(.*)\1$/, "$2");
    }
    loaded.push(file);
  }
  return loaded;
}

/** A random secret kept in .data/<name> (mode 600) so restarts keep sessions and keys valid. */
function persistentSecret(name: string): string {
  const file = path.join(DATA_DIR, name);
  if (existsSync(file)) {
    const value = readFileSync(file, "utf8").trim();
    if (value.length >= 32) return value;
  }
  const value = randomBytes(32).toString("base64url");
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return value;
}

function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return n;
}

// ------------------------------------------------------------------------------------------
// Processes
// ------------------------------------------------------------------------------------------

let embedded: EmbeddedPostgres | null = null;
let realtime: RealtimeServer | null = null;
let child: ChildProcess | null = null;
let shuttingDown: Promise<never> | null = null;

function runNext(args: string[]): ChildProcess {
  child = spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "inherit",
  });
  return child;
}

async function shutdown(code: number, reason?: string): Promise<never> {
  shuttingDown ??= (async () => {
    if (reason) console.log(`\n${dim(reason)}`);
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child?.kill("SIGKILL"), 10_000);
      await waitForExit(child);
      clearTimeout(killer);
    }
    if (realtime) await realtime.close().catch(() => {});
    if (embedded) {
      step("Database", "stopping the embedded PostgreSQL…");
      await embedded.stop().catch(() => {});
    }
    console.log(
      code === 0 ? green("Stopped. Data is kept in .data/ for the next start.") : red(`Stopped (exit ${code}).`),
    );
    process.exit(code);
  })();
  return shuttingDown;
}

let signals = 0;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    signals += 1;
    if (signals > 1) {
      // Second Ctrl-C: do not wait for a graceful stop (the database still gets SIGINT on exit).
      child?.kill("SIGKILL");
      process.exit(130);
    }
    void shutdown(0, `${signal} received, shutting down…`);
  });
}

async function hasDemoUsers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rowCount } = await client.query(`SELECT 1 FROM "User" WHERE email = 'admin@demo.kitchen'`);
    return (rowCount ?? 0) > 0;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// ------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  console.log(bold(`\nKitchen platform — ${DEV ? "development server" : "production build"}\n`));
  // 755: the embedded PostgreSQL runs as the `postgres` user and must pass through .data/.
  mkdirSync(DATA_DIR, { recursive: true });
  chmodSync(DATA_DIR, 0o755); // even under a strict umask; secrets inside are 600

  const envFiles = loadDotEnv();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const port = intEnv("PORT", 3000);
  process.env.PORT = String(port);
  if (!process.env.NEXTAUTH_SECRET) process.env.NEXTAUTH_SECRET = persistentSecret("auth-secret");
  if (!process.env.PII_KEYS) {
    // The fixed development key (ADR 0043), so the production build starts: fine for the demo,
    // never for real guests' data.
    Object.assign(process.env, {
      ...DEVELOPMENT_PII_ENV,
      ...(process.env.PII_HASH_KEY ? { PII_HASH_KEY: process.env.PII_HASH_KEY } : {}),
    });
    step("PII", "PII_KEYS unset: using the development key, which is NOT secret (set PII_KEYS for real data)");
  }
  // next-auth v4 builds its URLs from this and otherwise assumes http://localhost:3000.
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  ok("Env", envFiles.length ? `loaded ${envFiles.join(", ")}` : "no .env file; using defaults and .data/ secrets");

  // Database
  if (!process.env.DATABASE_URL) {
    const { startEmbeddedPostgres, EmbeddedPostgresInUseError, EmbeddedPostgresPortInUseError } =
      await import("./db/embedded-postgres");
    const pgPort = intEnv("EMBEDDED_PG_PORT", 54329);
    step("Database", `starting the embedded PostgreSQL on 127.0.0.1:${pgPort}…`);
    try {
      embedded = await startEmbeddedPostgres({
        dataDir: path.join(DATA_DIR, "postgres"),
        port: pgPort,
        database: "kitchen",
        onStatus: (m) => step("Database", m),
      });
    } catch (error) {
      if (error instanceof EmbeddedPostgresInUseError) {
        throw new Error(`${error.message}\n  Is another \`npm run app\` running? Stop it first, or set DATABASE_URL.`);
      }
      if (error instanceof EmbeddedPostgresPortInUseError) {
        throw new Error(`${error.message}\n  Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use that server.`);
      }
      throw error;
    }
    process.env.DATABASE_URL = embedded.url;
    ok(
      "Database",
      `embedded PostgreSQL ready ${dim(`(${embedded.url}, data in ${path.relative(REPO_ROOT, embedded.dataDir) || embedded.dataDir})`)}`,
    );
  } else {
    const u = new URL(process.env.DATABASE_URL);
    ok("Database", `using DATABASE_URL ${dim(`(${u.hostname}:${u.port || 5432}${u.pathname})`)}`);
  }
  const databaseUrl = process.env.DATABASE_URL;

  step("Migrate", "applying migrations…");
  const migrateOutput = await migrateDatabase(databaseUrl);
  ok("Migrate", /No pending migrations/.test(migrateOutput) ? "schema up to date" : "migrations applied");

  if (await databaseIsEmpty(databaseUrl)) {
    step("Demo data", "empty database: seeding the demo restaurant…");
    const [{ seedDemo }, { createPrismaClient }] = await Promise.all([
      import("../prisma/demo-seed"),
      import("../lib/db"),
    ]);
    const db = createPrismaClient(databaseUrl, 2);
    try {
      const s = await seedDemo(db);
      ok(
        "Demo data",
        `${s.locations} locations, ${s.users} staff, ${s.menuItems} menu items, ${s.tables} tables, ${s.ingredients} ingredients`,
      );
    } finally {
      await db.$disconnect();
    }
  } else {
    ok("Demo data", "database already has data; not seeding");
  }

  // Realtime
  if (process.env.PUSHER_HOST) {
    ok(
      "Realtime",
      `using PUSHER_HOST ${process.env.PUSHER_HOST}${process.env.PUSHER_PORT ? `:${process.env.PUSHER_PORT}` : ""}`,
    );
  } else {
    const { startRealtimeServer } = await import("../realtime-server/server");
    const { createJsonLogger } = await import("../realtime-server/logger");
    process.env.PUSHER_APP_ID ||= "kitchen";
    process.env.PUSHER_KEY ||= "kitchen-key";
    process.env.PUSHER_SECRET ||= persistentSecret("pusher-secret");
    const host = process.env.REALTIME_HOST || "127.0.0.1";
    const realtimePort = intEnv("REALTIME_PORT", 6001);
    try {
      realtime = await startRealtimeServer({
        port: realtimePort,
        host,
        apps: [{ id: process.env.PUSHER_APP_ID, key: process.env.PUSHER_KEY, secret: process.env.PUSHER_SECRET }],
        logger: createJsonLogger("warn"),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
        throw new Error(
          `Port ${realtimePort} is taken. Set REALTIME_PORT to a free port, or PUSHER_HOST/PUSHER_PORT to use a running server.`,
        );
      }
      throw error;
    }
    process.env.PUSHER_HOST = "127.0.0.1";
    process.env.PUSHER_PORT = String(realtime.port);
    process.env.PUSHER_USE_TLS ||= "false";
    process.env.PUSHER_WS_HOST ||= host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
    process.env.PUSHER_WS_PORT ||= String(realtime.port);
    ok("Realtime", `Pusher-protocol server on ${host}:${realtime.port} ${dim(`(app ${process.env.PUSHER_APP_ID})`)}`);
  }

  // Next
  const appUrl = `http://localhost:${port}`;
  let next: ChildProcess;
  if (DEV) {
    step("Next", "starting next dev…");
    next = runNext(["dev", "-p", String(port)]);
  } else {
    const stale = buildIsStale();
    if (stale) {
      step("Build", `${stale}: running next build (a minute or two)…\n`);
      const started = Date.now();
      const code = await waitForExit(runNext(["build"]));
      if (shuttingDown) return;
      if (code !== 0) {
        console.error(red(`\n✗ next build failed (exit ${code}). Fix the errors above and run \`npm run app\` again.`));
        await shutdown(code);
      }
      ok("Build", `done in ${Math.round((Date.now() - started) / 1000)} s`);
    } else {
      ok("Build", "up to date");
    }
    step("Next", "starting next start…");
    next = runNext(["start", "-p", String(port)]);
  }

  next.once("exit", (code, signal) => {
    if (!shuttingDown) void shutdown(code ?? 1, `Next exited (${signal ?? `code ${code}`}).`);
  });

  if (await waitUntilServing(`http://127.0.0.1:${port}/`, next)) {
    const demo = await hasDemoUsers(databaseUrl);
    const { DEMO_USERS, DEMO_PASSWORD } = await import("../prisma/demo-seed");
    const lines = [
      "",
      `${green("●")} ${bold("Kitchen platform is running")} at ${cyan(appUrl)}`,
      ...(demo
        ? [
            "",
            `  Demo sign-ins (password ${bold(DEMO_PASSWORD)}):`,
            ...DEMO_USERS.map((u) => `    ${u.role.padEnd(8)} ${u.email.padEnd(22)} ${dim(u.name)}`),
          ]
        : []),
      "",
      dim("  Ctrl-C stops the app, the realtime server and the embedded database; data is kept."),
      "",
    ];
    console.log(lines.join("\n"));
  }
}

main().catch(async (error: unknown) => {
  console.error(`\n${red("✗")} ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  await shutdown(1);
});
