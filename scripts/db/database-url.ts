// Database chores for the app runner, the seed CLI and the integration tests.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { backfillGuestContacts } from "../../lib/pii/pii-batches";
import { piiKeyringFrom } from "../../lib/pii/pii-crypto";

/** Repository root (this file lives in scripts/db/). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type ScratchDatabase = { url: string; name: string; drop(): Promise<void> };

/** The same server and credentials as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // a server shutting down must not crash the caller
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** CREATE DATABASE `<prefix>_<random>` on the server of `adminUrl`. */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`.toLowerCase();
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Invalid database name: ${name}`);
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  let dropped = false;
  return {
    url: withDatabase(adminUrl, name),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE (PostgreSQL 13+) ends pooled connections a test worker may have left open.
      await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
    },
  };
}

// The last lines `prisma migrate deploy` prints once everything is committed.
const MIGRATE_DONE = /All migrations have been successfully applied\.|No pending migrations to apply\./;

/**
 * `prisma migrate deploy` against `url`, then the encryption of guest rows written before ADR 0043
 * (SQL cannot encrypt; a no-op once done, and it reads the PII keys only when there is work).
 */
export async function migrateDatabase(url: string): Promise<string> {
  const output = await deployMigrations(url);
  const moved = await withClient(url, (c) => backfillGuestContacts(c, () => piiKeyringFrom(process.env)));
  return moved > 0 ? `${output}\nEncrypted the contact fields of ${moved} guests.` : output;
}

/** `prisma migrate deploy` against `url` (Rust-free, through prisma.config.ts). */
async function deployMigrations(url: string): Promise<string> {
  const cli = path.join(REPO_ROOT, "node_modules", "prisma", "build", "index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let done = false;
    const onData = (d: Buffer) => {
      output += d.toString();
      // The WASM schema engine leaves a 10 s timer behind, so the CLI idles that long after
      // finishing. Its final message means the work is committed: end it instead of waiting.
      if (!done && MIGRATE_DONE.test(output)) {
        done = true;
        setTimeout(() => child.kill("SIGTERM"), 200).unref();
        resolve(output);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", (code) => {
      if (done) return;
      if (code === 0) resolve(output);
      else reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output}`));
    });
  });
}

/** True when the app's tables are missing or hold no Location (nothing to show yet). */
export async function databaseIsEmpty(url: string): Promise<boolean> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ exists: boolean }>(`SELECT to_regclass('"Location"') IS NOT NULL AS exists`);
    if (!rows[0]?.exists) return true;
    const count = await c.query(`SELECT 1 FROM "Location" LIMIT 1`);
    return count.rowCount === 0;
  });
}
