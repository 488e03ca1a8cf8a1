import "server-only";
import { randomUUID } from "node:crypto";
import type { Ctx } from "../auth/context";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { log } from "../log";
import { decide, KEY_TTL_MS, lockKeyOf, requestHash, toStoredText, type StoredKey } from "./rules";

export type IdempotentCall = {
  /** What kind of request this is, e.g. "orders.send"; keys are unique per user and scope. */
  scope: string;
  key: string;
  /** The request as the client sent it (fingerprinted; same key + other request → 422). */
  request: unknown;
};

export const TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/**
 * Run `work` at most once per (user, scope, key) — see docs/adr/0007.
 *
 * Everything happens in ONE transaction:
 * 1. Take a transaction-level advisory lock on the key (`pg_try_advisory_xact_lock`). A
 *    concurrent duplicate fails to get it and answers 409 at once. The lock is the claim: it
 *    lives exactly as long as the attempt's connection and transaction, so a crashed process, a
 *    killed connection or a database restart frees the key the instant the attempt is gone.
 * 2. Holding the lock, look for the key's row: a completed identical request replays its stored
 *    answer; another request under the same key is 422.
 * 3. Run the work and store the key as COMPLETED with the answer in the same transaction: the
 *    effects and "done" commit together or not at all, and a failure leaves nothing to release.
 */
export async function runIdempotent<T>(
  ctx: Ctx,
  call: IdempotentCall,
  work: (tx: Tx) => Promise<T>,
  /**
   * The work's last step, after the key is stored: appending events takes the location's counter
   * lock, which every writer of the location queues on, so it comes last and is held only for the commit.
   */
  last?: (tx: Tx) => Promise<void>,
): Promise<{ value: T; replayed: boolean; body: string }> {
  const hash = requestHash(call.scope, ctx.locationId, call.request);
  const lockKey = lockKeyOf(ctx.userId, call.scope, call.key).toString();
  const { body, replayed } = await db.$transaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<
      { locked: boolean }[]
    >`SELECT pg_try_advisory_xact_lock(${lockKey}::bigint) AS locked`;
    if (!locked) throw new AppError("IN_PROGRESS", "The same request is still being processed; retry in a moment");

    const now = new Date();
    // Hand-written SQL for the two statements every idempotent write runs (ADR 0018).
    const [existing] = await tx.$queryRaw<(StoredKey & { id: string; responseBody: string | null })[]>`
      SELECT id, "requestHash", status::text AS status, "responseBody", "expiresAt" FROM "IdempotencyKey"
      WHERE "userId" = ${ctx.userId} AND scope = ${call.scope} AND key = ${call.key}`;
    if (existing) {
      switch (decide(existing, hash, now)) {
        case "replay":
          return { body: existing.responseBody ?? "null", replayed: true };
        case "mismatch":
          throw new AppError(
            "IDEMPOTENCY_MISMATCH",
            "This idempotency key was already used for a different request; use a new key for new content",
          );
        case "take-over":
          await tx.idempotencyKey.delete({ where: { id: existing.id } });
      }
    }

    const stored = toStoredText(await work(tx));
    await tx.$executeRaw`
      INSERT INTO "IdempotencyKey" (id, "locationId", "userId", scope, key, "requestHash", status,
                                    "responseStatus", "responseBody", "createdAt", "expiresAt")
      VALUES (${randomUUID()}, ${ctx.locationId}, ${ctx.userId}, ${call.scope}, ${call.key}, ${hash},
              'COMPLETED', 200, ${stored}, ${now}, ${new Date(now.getTime() + KEY_TTL_MS)})`;
    await last?.(tx);
    return { body: stored, replayed: false };
  }, TX_OPTIONS);
  if (!replayed && Math.random() < 0.02) void purgeExpiredKeys(ctx.userId);
  return { value: JSON.parse(body) as T, replayed, body };
}

/** Housekeeping, run now and then after a completed request: expired keys are useless. */
async function purgeExpiredKeys(userId: string): Promise<void> {
  await db.idempotencyKey
    .deleteMany({ where: { userId, expiresAt: { lt: new Date() } } })
    .catch((error: unknown) => log.warn("idempotency purge failed", { error }));
}
