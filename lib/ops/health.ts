import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "../db";

export type Check = { name: string; ok: boolean; ms: number; detail?: string };

async function timed(name: string, fn: () => Promise<string | void>): Promise<Check> {
  const t0 = performance.now();
  try {
    const detail = await Promise.race([
      fn(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out after 2 s")), 2000)),
    ]);
    return { name, ok: true, ms: Math.round(performance.now() - t0), ...(detail ? { detail } : {}) };
  } catch (error) {
    return {
      name,
      ok: false,
      ms: Math.round(performance.now() - t0),
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

export function checkDatabase(): Promise<Check> {
  return timed("database", async () => {
    await db.$queryRaw`SELECT 1`;
  });
}

/** Every migration folder in prisma/migrations has been applied successfully. */
export function checkMigrations(): Promise<Check> {
  return timed("migrations", async () => {
    const dir = path.join(process.cwd(), "prisma", "migrations");
    const expected = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    const rows = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    const missing = expected.filter((m) => !applied.has(m));
    if (missing.length) throw new Error(`pending: ${missing.join(", ")}`);
    return `${expected.length} applied`;
  });
}

/** The realtime server answers (self-hosted) — Pusher's cloud is assumed up. */
export function checkRealtime(): Promise<Check> {
  return timed("realtime", async () => {
    const host = process.env.PUSHER_HOST;
    if (!host) return "pusher cloud (not probed)";
    const port = process.env.PUSHER_PORT ?? (process.env.PUSHER_USE_TLS === "true" ? "443" : "80");
    const scheme = process.env.PUSHER_USE_TLS === "true" ? "https" : "http";
    const res = await fetch(`${scheme}://${host}:${port}/health`, { cache: "no-store" });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  });
}

export async function readiness() {
  const [database, migrations, realtime] = await Promise.all([checkDatabase(), checkMigrations(), checkRealtime()]);
  // Realtime down degrades live updates but orders still save, so it does not fail readiness.
  return { ready: database.ok && migrations.ok, checks: [database, migrations, { ...realtime, critical: false }] };
}

export function processInfo() {
  const m = process.memoryUsage();
  return {
    uptimeSeconds: Math.round(process.uptime()),
    node: process.version,
    rssMb: Math.round(m.rss / 1e6),
    heapUsedMb: Math.round(m.heapUsed / 1e6),
    version: process.env.npm_package_version ?? "0.1.0",
  };
}
