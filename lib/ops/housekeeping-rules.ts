// Pure rules of data retention (docs/adr/0049): which rows of which table are old enough to
// delete, how a pass is paced, and what `npm run housekeeping` accepts. No I/O: housekeeping.ts
// runs the predicates in batches. Every table here only grows; none is a record of business.

export const DAY_MS = 86_400_000;

export type HousekeptTable =
  | "WebhookDelivery"
  | "IdempotencyKey"
  | "OtpChallenge"
  | "CustomerSession"
  | "RefreshToken"
  | "UserSession"
  | "PasswordResetToken";

export type RetentionRule = {
  table: HousekeptTable;
  /** Days a row is kept after it stopped mattering (finished, expired or revoked). */
  keepDays: number;
  /**
   * SQL condition on alias `t`, true for a row that may go; `$1` is the cutoff (now − keepDays)
   * as a `timestamp` in UTC, like every Prisma DateTime column.
   */
  old: string;
};

/**
 * In order: refresh tokens before sessions, so each table's count is its own rows (deleting a
 * UserSession cascades to its tokens). Each `keepDays` outlasts every window that still reads the
 * rows (housekeeping-rules.test.ts checks them against the rules that read them).
 */
export const RETENTION: readonly RetentionRule[] = [
  {
    // The console's delivery log and "Redeliver" read finished deliveries; a month of history is
    // what a partner asks about. Queued and retrying deliveries are work, never history.
    table: "WebhookDelivery",
    keepDays: 30,
    old: `t.status IN ('SUCCEEDED', 'FAILED') AND COALESCE(t."deliveredAt", t."lastAttemptAt", t."createdAt") < $1`,
  },
  {
    // Replays read a key until it expires (24 h), then it is taken over anyway; the margin keeps a
    // late retry's "take-over" from racing this delete.
    table: "IdempotencyKey",
    keepDays: 7,
    old: `t."expiresAt" < $1`,
  },
  {
    // The send limits count a phone's and an address's challenges of the last hour by createdAt.
    table: "OtpChallenge",
    keepDays: 1,
    old: `t."createdAt" < $1 AND t."expiresAt" < $1`,
  },
  {
    // An expired or signed-out session reads as "no session" whether the row is there or not.
    table: "CustomerSession",
    keepDays: 7,
    old: `(t."expiresAt" < $1 OR t."revokedAt" < $1)`,
  },
  {
    // Only expired ones: a spent but unexpired token must stay, its second use revokes the family.
    table: "RefreshToken",
    keepDays: 7,
    old: `t."expiresAt" < $1`,
  },
  {
    // Sessions end within 12 h (revoked ones too). A session with a token still live stays: the
    // delete would cascade to it.
    table: "UserSession",
    keepDays: 7,
    old: `t."expiresAt" < $1 AND NOT EXISTS (SELECT 1 FROM "RefreshToken" r WHERE r."sessionId" = t.id AND r."expiresAt" >= $1)`,
  },
  {
    // Links live 30 min (invites 72 h); who asked and who issued is in the audit log.
    table: "PasswordResetToken",
    keepDays: 7,
    old: `t."expiresAt" < $1`,
  },
];

/** Rows of `rule` older than this may go. */
export function cutoffOf(rule: Pick<RetentionRule, "keepDays">, now: Date): Date {
  return new Date(now.getTime() - rule.keepDays * DAY_MS);
}

/** The cutoff as the SQL parameter: UTC wall time, since the columns are `timestamp` without zone. */
export function cutoffParam(cutoff: Date): string {
  return cutoff.toISOString().replace("T", " ").replace("Z", "");
}

export const DEFAULT_BATCH_SIZE = 1000;
/** A worker pass stops after this; what is left waits for the next hour. */
export const WORKER_BUDGET_MS = 60_000;

/**
 * After a batch: go on with this table, or stop (done, or out of time). A batch smaller than
 * asked means the table has nothing old left.
 */
export function nextStep(
  deleted: number,
  batchSize: number,
  deadline: number,
  now: number,
): "more" | "done" | "out-of-time" {
  if (deleted < batchSize) return "done";
  return now < deadline ? "more" : "out-of-time";
}

export type HousekeepingArgs = { dryRun: boolean; batchSize: number; budgetMs: number };

/**
 * `npm run housekeeping [--dry-run] [--batch-size=N] [--budget-seconds=N]`: by hand it runs until
 * done unless given a budget. Throws on anything else, naming the argument.
 */
export function parseHousekeepingArgs(argv: readonly string[]): HousekeepingArgs {
  const args: HousekeepingArgs = { dryRun: false, batchSize: DEFAULT_BATCH_SIZE, budgetMs: Number.POSITIVE_INFINITY };
  for (const arg of argv) {
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const value = eq < 0 ? undefined : arg.slice(eq + 1);
    if (name === "--dry-run" && value === undefined) args.dryRun = true;
    else if (name === "--batch-size") args.batchSize = positiveInt(name, value, 100_000);
    else if (name === "--budget-seconds") args.budgetMs = positiveInt(name, value, 86_400) * 1000;
    else throw new Error(`Unknown argument ${arg} (expected --dry-run, --batch-size=N, --budget-seconds=N)`);
  }
  return args;
}

function positiveInt(name: string, value: string | undefined, max: number): number {
  const n = Number(value);
  if (!value || !Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`${name} takes a whole number from 1 to ${max}`);
  return n;
}
