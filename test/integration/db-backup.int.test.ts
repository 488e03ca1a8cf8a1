// scripts/db/backup.sh and restore.sh against a real PostgreSQL: the demo restaurant (every
// domain's tables, append-only triggers, exclusion constraints) is dumped, restored into a fresh
// database and compared table by table, row counts and content hashes.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { REPO_ROOT, withDatabase } from "@/scripts/db/database-url";
import { resetDb, seedFixture } from "./helpers";

const run = promisify(execFile);
const BACKUP = path.join(REPO_ROOT, "scripts/db/backup.sh");
const RESTORE = path.join(REPO_ROOT, "scripts/db/restore.sh");
const suffix = `${process.pid}_${Date.now().toString(36)}`;
const TARGET = `kp_restore_${suffix}`;
const OTHER = `kp_restore_other_${suffix}`;

type Outcome = { code: number; stdout: string; stderr: string };

async function script(file: string, args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run("bash", [file, ...args], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Row count and md5 of every table's rows (sorted), computed by PostgreSQL. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const rows = await query<{ tablename: string; fp: string }>(
    url,
    `SELECT tablename,
            (xpath('/row/fp/text()', query_to_xml(format(
              'SELECT count(*) || '':'' || md5(coalesce(string_agg(t::text, ''|'' ORDER BY t::text), '''')) AS fp FROM %I t',
              tablename), false, true, '')))[1]::text AS fp
     FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  return Object.fromEntries(rows.map((r) => [r.tablename, r.fp]));
}

const rowCount = (fp: string | undefined) => Number(fp?.split(":")[0] ?? 0);

describe("database backup and restore scripts", () => {
  let dir: string;

  beforeAll(async () => {
    await resetDb();
    await seedFixture();
    dir = await mkdtemp(path.join(tmpdir(), "kp-backup-"));
  }, 120_000);

  afterAll(async () => {
    const admin = inject("databaseUrl");
    for (const name of [TARGET, OTHER]) await query(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("backs up to timestamped files with checksums, keeps only the newest N, restores every row", async () => {
    const source = inject("databaseUrl");
    const first = await script(BACKUP, ["--dir", dir, "--keep", "1"]);
    expect(first.code, first.stderr).toBe(0);
    const second = await script(BACKUP, ["--dir", dir, "--keep", "1"]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/pruned kitchen-\d{8}T\d{6}Z(-\d+)?\.dump/);

    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^kitchen-\d{8}T\d{6}Z(-\d+)?\.dump$/);
    expect(files[1]).toBe(`${files[0]}.sha256`);

    const restored = await script(RESTORE, ["--latest", "--dir", dir, "--target", TARGET]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("checksum ok");

    const before = await fingerprint(source);
    const after = await fingerprint(withDatabase(source, TARGET));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);
    // The comparison means something only if the key tables hold data.
    for (const table of ["Location", "User", "Order", "OrderItem", "StockMovement", "Reservation", "Payment"])
      expect(rowCount(before[table]), table).toBeGreaterThan(0);
    expect(Object.values(before).filter((fp) => rowCount(fp) > 0).length).toBeGreaterThanOrEqual(25);
    const [{ n }] = await query<{ n: string }>(
      withDatabase(source, TARGET),
      `SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    const migrations = (await readdir(path.join(REPO_ROOT, "prisma/migrations"), { withFileTypes: true })).filter((d) =>
      d.isDirectory(),
    );
    expect(Number(n)).toBe(migrations.length);
  });

  it("refuses a target that has tables, and a file whose checksum does not match", async () => {
    const [dump] = (await readdir(dir)).filter((f) => f.endsWith(".dump"));
    const refused = await script(RESTORE, ["--file", path.join(dir, dump), "--target", TARGET]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/already has \d+ tables/);

    const bytes = await readFile(path.join(dir, dump));
    bytes[bytes.length - 10] ^= 0xff;
    await writeFile(path.join(dir, dump), bytes);
    const tampered = await script(RESTORE, ["--file", path.join(dir, dump), "--target", OTHER]);
    expect(tampered.code).not.toBe(0);
    expect(tampered.stderr).toContain("checksum mismatch");
    const exists = await query(inject("databaseUrl"), `SELECT 1 FROM pg_database WHERE datname = $1`, [OTHER]);
    expect(exists).toHaveLength(0);
  });
});
