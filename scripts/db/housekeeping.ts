// `npm run housekeeping [-- --dry-run] [--batch-size=N] [--budget-seconds=N]`: one data-retention
// pass now (docs/adr/0049), the same the app's hourly worker runs, until done unless given a budget.
// Prints rows deleted per table; --dry-run prints what would go and deletes nothing. Safe to stop
// and rerun; refuses while an app instance is running a pass. Env: DATABASE_URL.
import pg from "pg";
import { lockedHousekeepingPass, PASS_CONNECTION_OPTIONS } from "../../lib/ops/housekeeping";
import { parseHousekeepingArgs, RETENTION } from "../../lib/ops/housekeeping-rules";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const args = parseHousekeepingArgs(process.argv.slice(2));
  const client = new pg.Client({ connectionString: url, options: PASS_CONNECTION_OPTIONS });
  await client.connect();
  try {
    const result = await lockedHousekeepingPass(client, args);
    if (!result) {
      console.log("Another housekeeping pass is running (an app instance): try again in a minute.");
      process.exitCode = 2;
      return;
    }
    const verb = result.dryRun ? "would delete" : "deleted";
    for (const rule of RETENTION) {
      const days = `${rule.keepDays} day${rule.keepDays === 1 ? "" : "s"}`;
      const failed = result.errors[rule.table];
      console.log(
        `${rule.table.padEnd(20)} ${verb} ${result.counts[rule.table]} (kept ${days})${failed ? `, then failed: ${failed}` : ""}`,
      );
    }
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    console.log(`done in ${result.ms} ms: ${verb} ${total} rows.`);
    if (Object.keys(result.errors).length) process.exitCode = 1;
    else if (!result.complete) {
      console.log("The time budget ran out before every table was done: run again.");
      process.exitCode = 2;
    }
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error("housekeeping failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
