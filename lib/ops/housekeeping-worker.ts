import "server-only";
import pg from "pg";
import { env } from "../env";
import { log } from "../log";
import { metrics } from "../observability/metrics";
import { pollingWorker } from "./polling-worker";
import { lockedHousekeepingPass, PASS_CONNECTION_OPTIONS, type PassOptions, type PassResult } from "./housekeeping";
import { WORKER_BUDGET_MS } from "./housekeeping-rules";

const HOUR_MS = 3_600_000;
/** The first pass after a start: deploys more often than hourly must not starve it. */
const FIRST_PASS_DELAY_MS = 5 * 60_000;

/**
 * One pass on a connection of its own (the advisory lock is per session, and a pass must not hold
 * one of the request pool's few connections for a minute). Null when another instance is running
 * one. Counts go to `housekeeping_deleted_rows_total` and one log line.
 */
export async function housekeepingRound(opts: PassOptions = {}): Promise<PassResult | null> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL, options: PASS_CONNECTION_OPTIONS });
  client.on("error", () => {}); // a server going away mid-pass ends this round, not the process
  await client.connect();
  try {
    const result = await lockedHousekeepingPass(client, { budgetMs: WORKER_BUDGET_MS, ...opts });
    if (!result) {
      log.info("housekeeping skipped: another instance is running a pass");
      return null;
    }
    if (!result.dryRun)
      for (const [table, n] of Object.entries(result.counts)) metrics().housekeepingDeleted.inc({ table }, n);
    const fields = { counts: result.counts, complete: result.complete, ms: result.ms };
    if (Object.keys(result.errors).length) log.warn("housekeeping pass", { ...fields, errors: result.errors });
    else log.info("housekeeping pass", fields);
    return result;
  } finally {
    await client.end().catch(() => {});
  }
}

// A pass that ran out of time leaves the rest for the next hour rather than going again at once.
const worker = pollingWorker("housekeeping", HOUR_MS, async () => {
  await housekeepingRound();
  return false;
});

/** Started once per server process (instrumentation.ts); the lock keeps passes one at a time. */
export function startHousekeepingWorker(): void {
  worker.start();
  setTimeout(worker.kick, FIRST_PASS_DELAY_MS).unref();
}
export const stopHousekeepingWorker = worker.stop;
