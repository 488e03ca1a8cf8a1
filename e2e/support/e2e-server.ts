// Playwright's webServer: a fresh database (migrated + demo seed), the realtime server with a
// small control port (so specs can simulate an outage), and `next start` of the production build.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:http";
import path from "node:path";
import IORedis from "ioredis";
import pg from "pg";
import { createPrismaClient } from "../../lib/db";
import { migrateDatabase, withDatabase, REPO_ROOT } from "../../scripts/db/database-url";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { NEXT_BIN } from "../../scripts/app/next-server";
import { seedDemo } from "../../prisma/demo-seed";
import { hashPassword } from "../../lib/auth/password";
import { startRealtimeServer, type RealtimeServer } from "../../realtime-server/server";
import { startMailbox } from "../../test/support/smtp-mailbox";
import { startTcpPrinter } from "../../test/support/tcp-printer";
import {
  E2E_CONTROL_PORT,
  E2E_CORS_ORIGIN,
  E2E_DATABASE,
  E2E_PORT,
  E2E_PUSHER,
  E2E_REALTIME_PORT,
  E2E_SECRET,
  E2E_METRICS_TOKEN,
  E2E_SMTP_PORT,
  LOCKOUT_USERS,
  PASSWORD,
  E2E_SMS_OUTBOX,
} from "./e2e-env";

const say = (msg: string) => process.stdout.write(`[e2e-server] ${msg}\n`);

// Keys of personal data at rest (ADR 0043), as production must have them: set before the seed
// writes guests here, and inherited by the app through process.env.
process.env.PII_KEYS = `e2e1:${Buffer.alloc(32, 0xe2).toString("base64")}`;
process.env.PII_HASH_KEY = "e2e-pii-hash-key-not-secret-0123456789";

async function adminUrl(): Promise<{ url: string; stop?: () => Promise<void> }> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) return { url: given };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(REPO_ROOT, ".data", "e2e-postgres"),
    port: 54331,
    onStatus: say,
  });
  return { url: embedded.adminUrl, stop: embedded.stop };
}

async function freshDatabase(admin: string): Promise<string> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${E2E_DATABASE} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${E2E_DATABASE}`);
  await client.end();
  return withDatabase(admin, E2E_DATABASE);
}

function readBody(req: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.on("data", (chunk) => (body += String(chunk)));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

async function setDemoPin(url: string, email: string, pin: string): Promise<void> {
  const db = createPrismaClient(url, 1);
  try {
    await db.membership.updateMany({
      where: { user: { email }, location: { slug: "demo-bistro" } },
      data: { pinHash: await hashPassword(pin), pinSetAt: new Date(), pinFailedCount: 0, pinLockedUntil: null },
    });
  } finally {
    await db.$disconnect();
  }
}

/**
 * Make every party seated at the demo restaurant look seated for `minutes` (open orders' openedAt,
 * seated bookings' seatedAt): the waitlist's quotes depend on how long tables have been taken.
 */
async function seatFor(url: string, minutes: number): Promise<void> {
  const db = createPrismaClient(url, 1);
  const since = new Date(Date.now() - minutes * 60_000);
  try {
    const location = await db.location.findFirstOrThrow({ where: { slug: "demo-bistro" } });
    await db.order.updateMany({
      where: { locationId: location.id, tableId: { not: null }, status: { notIn: ["CLOSED", "VOIDED"] } },
      data: { openedAt: since },
    });
    await db.reservation.updateMany({
      where: { locationId: location.id, status: "SEATED" },
      data: { seatedAt: since },
    });
  } finally {
    await db.$disconnect();
  }
}

async function firedAgo(url: string, orderId: string, minutes: number): Promise<void> {
  const db = createPrismaClient(url, 1);
  try {
    await db.orderItem.updateMany({
      where: { orderId, firedAt: { not: null } },
      data: { firedAt: new Date(Date.now() - minutes * 60_000) },
    });
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  const pgServer = await adminUrl();
  const url = await freshDatabase(pgServer.url);
  await migrateDatabase(url);
  const db = createPrismaClient(url, 2);
  await seedDemo(db);
  const location = await db.location.findFirstOrThrow({ where: { slug: "demo-bistro" } });
  const passwordHash = await hashPassword(PASSWORD);
  for (const email of LOCKOUT_USERS) {
    await db.user.upsert({
      where: { email },
      update: {},
      create: {
        email,
        name: email.split("@")[0],
        passwordHash,
        memberships: { create: { locationId: location.id, role: "SERVER" } },
      },
    });
  }
  await db.$disconnect();
  say(`database ${E2E_DATABASE} migrated and seeded`);

  const apps = [{ id: E2E_PUSHER.appId, key: E2E_PUSHER.key, secret: E2E_PUSHER.secret }];
  let realtime: RealtimeServer | null = await startRealtimeServer({ port: E2E_REALTIME_PORT, host: "127.0.0.1", apps });

  // Every mail the app sends lands here; specs read it with GET /mail?to=<email> (e2e/support/mail.ts).
  const mailbox = await startMailbox(E2E_SMTP_PORT);
  // A pretend network printer (raw ESC/POS over TCP); specs read its port and what it printed with GET /printer.
  const printer = await startTcpPrinter();

  // The app's environment; `redisUrl` "" keeps rate limits per process.
  function appEnv(port: number, redisUrl: string): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: E2E_SECRET,
      METRICS_TOKEN: E2E_METRICS_TOKEN,
      CORS_ALLOWED_ORIGINS: E2E_CORS_ORIGIN,
      NEXTAUTH_URL: `http://localhost:${port}`,
      PUSHER_APP_ID: E2E_PUSHER.appId,
      PUSHER_KEY: E2E_PUSHER.key,
      PUSHER_SECRET: E2E_PUSHER.secret,
      PUSHER_HOST: "127.0.0.1",
      PUSHER_PORT: String(E2E_REALTIME_PORT),
      PUSHER_USE_TLS: "false",
      SMTP_URL: mailbox.url,
      // Online customers' texts go to a file the specs read (e2e/support/sms.ts).
      SMS_PROVIDER: "outbox",
      SMS_OUTBOX_FILE: E2E_SMS_OUTBOX,
      MAIL_FROM: "ServiceBell e2e <no-reply@e2e.test>",
      // Per-process limits: a Redis shared across runs would carry sign-in counts between them.
      REDIS_URL: redisUrl,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      // Webhook specs start their receiver on 127.0.0.1: the production build must be allowed to call it.
      WEBHOOK_ALLOW_PRIVATE: "true",
    };
  }

  let instances: ChildProcess[] = [];
  const instancePorts = [E2E_PORT + 1, E2E_PORT + 2];
  async function startInstances(): Promise<{ ports: number[] }> {
    if (instances.length) return { ports: instancePorts };
    const redisBase = process.env.REDIS_TEST_URL;
    if (!redisBase) throw new Error("two instances share their limits through Redis: set REDIS_TEST_URL");
    // A Redis database of their own, emptied: counts from an earlier run must not carry over.
    const redisUrl = `${redisBase.replace(/\/\d*$/, "")}/9`;
    const redis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    await redis.flushdb();
    redis.disconnect();
    instances = instancePorts.map((port) =>
      spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port)], {
        cwd: REPO_ROOT,
        stdio: "inherit",
        env: appEnv(port, redisUrl),
      }),
    );
    const deadline = Date.now() + 90_000;
    for (const port of instancePorts) {
      for (;;) {
        const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
          (r) => r.ok,
          () => false,
        );
        if (ready) break;
        if (Date.now() > deadline) throw new Error(`instance on ${port} did not become ready`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    return { ports: instancePorts };
  }
  async function stopInstances(): Promise<void> {
    const exits = instances.map((child) => new Promise((resolve) => child.once("exit", resolve)));
    instances.forEach((child) => child.kill("SIGTERM"));
    instances = [];
    await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 10_000))]);
  }

  // Outage simulation for specs: POST /realtime/stop, POST /realtime/start.
  const control = createServer(async (req, res) => {
    try {
      const reqUrl = new URL(req.url ?? "/", "http://control");
      if (req.method === "GET" && reqUrl.pathname === "/mail") {
        const to = (reqUrl.searchParams.get("to") ?? "").toLowerCase();
        const mails = mailbox.mails.filter((m) => !to || m.to.includes(to));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(mails));
        return;
      }
      if (req.method === "GET" && reqUrl.pathname === "/printer") {
        const jobs = printer.decoded().map((d) => ({ lines: d.lines, cuts: d.cuts, qr: d.qr }));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ port: printer.port, jobs }));
        return;
      }
      if (req.method === "POST" && req.url === "/realtime/stop") {
        await realtime?.close();
        realtime = null;
      } else if (req.method === "POST" && req.url === "/realtime/start") {
        realtime ??= await startRealtimeServer({ port: E2E_REALTIME_PORT, host: "127.0.0.1", apps });
      } else if (req.method === "POST" && req.url === "/staff/pin") {
        // Specs give a demo staff member a quick-switch PIN (the demo seed sets none).
        const { email, pin } = JSON.parse(await readBody(req)) as { email: string; pin: string };
        await setDemoPin(url, email, pin);
      } else if (req.method === "POST" && req.url === "/floor/seated-for") {
        // Specs age the parties at the tables (the quote model reads how long they have sat).
        const { minutes } = JSON.parse(await readBody(req)) as { minutes: number };
        await seatFor(url, minutes);
      } else if (req.method === "POST" && req.url === "/kitchen/fired-ago") {
        // Specs age an order's tickets (ticket colours read how long ago the lines were fired).
        const { orderId, minutes } = JSON.parse(await readBody(req)) as { orderId: string; minutes: number };
        await firedAgo(url, orderId, minutes);
      } else if (req.method === "POST" && req.url === "/instances/start") {
        // Two more app instances on the same database, realtime server and Redis (the
        // two-instances spec): what one instance does, the other must see.
        const { ports } = await startInstances();
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ports }));
        return;
      } else if (req.method === "POST" && req.url === "/instances/stop") {
        await stopInstances();
      } else if (req.url !== "/realtime/status") {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ up: realtime !== null }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => control.listen(E2E_CONTROL_PORT, "127.0.0.1", resolve));

  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(E2E_PORT)], {
    cwd: REPO_ROOT,
    stdio: "inherit",
    env: appEnv(E2E_PORT, ""),
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    child.kill("SIGTERM");
    instances.forEach((extra) => extra.kill("SIGTERM"));
    control.close();
    await mailbox.close().catch(() => {});
    await printer.close().catch(() => {});
    await realtime?.close().catch(() => {});
    await pgServer.stop?.().catch(() => {});
    process.exit(code);
  };
  child.on("exit", (code) => void stop(code ?? 0));
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
