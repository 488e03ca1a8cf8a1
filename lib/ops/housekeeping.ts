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
  type RetentionRule,
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
  /** The tables to go through (all by default). */
  rules?: readonly RetentionRule[];
};

export type PassResult = {
  /** Rows deleted per table (with dryRun: rows that would be). */
  counts: Record<HousekeptTable, number>;
  /** False when the budget ran out with old rows possibly left. */
  complete: boolean;
  dryRun: boolean;
  ms: number;
};

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
  let complete = true;

  for (const rule of opts.rules ?? RETENTION) {
    const cutoff = cutoffParam(cutoffOf(rule, now));
    if (dryRun) {
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "${rule.table}" t WHERE ${rule.old}`, [cutoff]);
      counts[rule.table] = Number(rows[0]?.n ?? 0);
      continue;
    }
    if (Date.now() >= deadline) {
      complete = false;
      break;
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
        complete = false;
        break;
      }
    }
    if (!complete) break;
  }
  return { counts, complete, dryRun, ms: Date.now() - started };
}
