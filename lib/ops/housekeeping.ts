// One housekeeping pass (docs/adr/0049): delete what RETENTION calls old, table by table, in
// batches that each commit alone, so no statement holds many row locks or runs long. Plain SQL
// through one pg connection, so the hourly worker and `npm run housekeeping` share it.
import {
  cutoffOf,
  cutoffParam,
  DEFAULT_BATCH_SIZE,
  nextStep,
  RETENTION,
  type HousekeptTable,
} from "./housekeeping-rules";

export type SqlClient = {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount?: number | null }>;
};

export type PassOptions = {
  now?: Date;
  batchSize?: number;
  /** Stop starting batches after this long; the rest waits for the next pass. */
  budgetMs?: number;
  /** Count what would go, delete nothing. */
  dryRun?: boolean;
};

export type PassResult = {
  /** Rows deleted per table (with dryRun: rows that would be). */
  counts: Record<HousekeptTable, number>;
  /** Tables whose pass failed, with the database's message; the others still ran. */
  errors: Partial<Record<HousekeptTable, string>>;
  /** False when the budget ran out or a table failed: old rows may be left. */
  complete: boolean;
  dryRun: boolean;
  ms: number;
};

/**
 * The pass's connection: a lock wait or a slow batch ends with an error (that table waits for the
 * next pass) instead of hanging the pass; no JIT, as for the app's pool (ADR 0035).
 */
export const PASS_CONNECTION_OPTIONS = "-c jit=off -c lock_timeout=5000 -c statement_timeout=120000";

/** Any one value for the pass's session-level advisory lock; only housekeeping takes it. */
const LOCK_KEY = "ops:housekeeping";

/**
 * A pass under a session-level advisory lock, so two instances (or the worker and the script)
 * never run one at the same time; null when another holds it. `sql` must be one connection (a
 * pg.Client, not a pool): the lock belongs to the session that took it.
 */
export async function lockedHousekeepingPass(sql: SqlClient, opts: PassOptions = {}): Promise<PassResult | null> {
  const { rows } = await sql.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [LOCK_KEY]);
  if (rows[0]?.locked !== true) return null;
  try {
    return await housekeepingPass(sql, opts);
  } finally {
    await sql.query(`SELECT pg_advisory_unlock(hashtext($1))`, [LOCK_KEY]);
  }
}

/** The pass itself, without the lock (lockedHousekeepingPass is what callers want). */
export async function housekeepingPass(sql: SqlClient, opts: PassOptions = {}): Promise<PassResult> {
  const started = Date.now();
  const deadline = started + (opts.budgetMs ?? Number.POSITIVE_INFINITY);
  const now = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const dryRun = opts.dryRun ?? false;
  const counts = Object.fromEntries(RETENTION.map((r) => [r.table, 0])) as Record<HousekeptTable, number>;
  const errors: PassResult["errors"] = {};
  let outOfTime = false;

  for (const rule of RETENTION) {
    if (!dryRun && Date.now() >= deadline) {
      outOfTime = true;
      break;
    }
    const cutoff = cutoffParam(cutoffOf(rule, now));
    // One table failing (a lock wait timing out, say) must not keep the others growing.
    try {
      if (dryRun) {
        const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "${rule.table}" t WHERE ${rule.old}`, [
          cutoff,
        ]);
        counts[rule.table] = Number(rows[0]?.n ?? 0);
        continue;
      }
      for (;;) {
        // SKIP LOCKED: a row a request is updating right now waits for the next pass.
        const { rowCount } = await sql.query(
          `DELETE FROM "${rule.table}" WHERE id IN (
             SELECT t.id FROM "${rule.table}" t WHERE ${rule.old} LIMIT $2 FOR UPDATE SKIP LOCKED)`,
          [cutoff, batchSize],
        );
        const deleted = rowCount ?? 0;
        counts[rule.table] += deleted;
        const step = nextStep(deleted, batchSize, deadline, Date.now());
        if (step === "done") break;
        if (step === "out-of-time") {
          outOfTime = true;
          break;
        }
      }
    } catch (error) {
      errors[rule.table] = error instanceof Error ? error.message : String(error);
    }
    if (outOfTime) break;
  }
  const complete = !outOfTime && Object.keys(errors).length === 0;
  return { counts, errors, complete, dryRun, ms: Date.now() - started };
}
