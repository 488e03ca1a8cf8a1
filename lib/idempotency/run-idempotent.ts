import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { log } from "../log";
import { decide, KEY_TTL_MS, requestHash, toStoredJson } from "./rules";

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
 * 1. Claim the key with an INSERT … ON CONFLICT DO NOTHING that commits on its own, before any
 *    work: a concurrent duplicate then finds the IN_PROGRESS row and gets 409 instead of
 *    running the work a second time.
 * 2. Run the work in a transaction that also marks the key COMPLETED with the response, so the
 *    effects and "done" commit together: a crash can never leave work done but unrecorded.
 * 3. On failure, release the claim (delete the row) so the client can retry with the same key.
 */
export async function runIdempotent<T>(
  ctx: Ctx,
  call: IdempotentCall,
  work: (tx: Tx) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const hash = requestHash(call.scope, ctx.locationId, call.request);
  const claim = await claimKey(ctx, call, hash);
  if ("replay" in claim) return { value: claim.replay as T, replayed: true };

  try {
    const value = await db.$transaction(async (tx) => {
      const stored = toStoredJson(await work(tx));
      // Only the attempt that still holds the claim may complete it (guards a takeover).
      const done = await tx.idempotencyKey.updateMany({
        where: { id: claim.id, createdAt: claim.token, status: "IN_PROGRESS" },
        data: { status: "COMPLETED", responseStatus: 200, responseBody: stored as Prisma.InputJsonValue },
      });
      if (done.count !== 1) throw new AppError("IN_PROGRESS", "A retry of this request took over; check the order before resending");
      return stored;
    }, TX_OPTIONS);
    return { value, replayed: false };
  } catch (error) {
    await db.idempotencyKey
      .deleteMany({ where: { id: claim.id, createdAt: claim.token, status: "IN_PROGRESS" } })
      .catch((releaseError: unknown) => log.error("idempotency key release failed", { scope: call.scope, releaseError }));
    throw error;
  }
}

type Claim = { id: string; token: Date } | { replay: unknown };

async function claimKey(ctx: Ctx, call: IdempotentCall, hash: string): Promise<Claim> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = new Date();
    // The claim token is the attempt's start time (ms precision, as stored).
    const inserted = await db.idempotencyKey.createManyAndReturn({
      data: {
        locationId: ctx.locationId,
        userId: ctx.userId,
        scope: call.scope,
        key: call.key,
        requestHash: hash,
        status: "IN_PROGRESS",
        createdAt: now,
        expiresAt: new Date(now.getTime() + KEY_TTL_MS),
      },
      skipDuplicates: true, // ON CONFLICT DO NOTHING: a duplicate returns no row
      select: { id: true },
    });
    if (inserted[0]) {
      if (Math.random() < 0.02) void purgeExpiredKeys(ctx.userId);
      return { id: inserted[0].id, token: now };
    }

    const existing = await db.idempotencyKey.findUnique({
      where: { userId_scope_key: { userId: ctx.userId, scope: call.scope, key: call.key } },
    });
    if (!existing) continue; // released between our insert and read: try again
    switch (decide(existing, hash, now)) {
      case "replay":
        return { replay: existing.responseBody };
      case "mismatch":
        throw new AppError(
          "IDEMPOTENCY_MISMATCH",
          "This idempotency key was already used for a different request; use a new key for new content",
        );
      case "in-progress":
        throw new AppError("IN_PROGRESS", "The same request is still being processed; retry in a moment");
      case "take-over": {
        const taken = await db.idempotencyKey.updateMany({
          where: { id: existing.id, createdAt: existing.createdAt, status: existing.status },
          data: {
            status: "IN_PROGRESS",
            requestHash: hash,
            locationId: ctx.locationId,
            createdAt: now,
            expiresAt: new Date(now.getTime() + KEY_TTL_MS),
            responseStatus: null,
            responseBody: Prisma.DbNull,
          },
        });
        if (taken.count === 1) return { id: existing.id, token: now };
      }
    }
  }
  throw new AppError("IN_PROGRESS", "The same request is still being processed; retry in a moment");
}

/** Housekeeping, run now and then on a successful claim: expired keys are useless. */
async function purgeExpiredKeys(userId: string): Promise<void> {
  await db.idempotencyKey
    .deleteMany({ where: { userId, expiresAt: { lt: new Date() } } })
    .catch((error: unknown) => log.warn("idempotency purge failed", { error }));
}
