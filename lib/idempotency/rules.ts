// Pure rules of idempotent requests (docs/adr/0007): how a request is fingerprinted and what to
// do when its key has been seen before. The database side is in run-idempotent.ts.
import { createHash } from "node:crypto";
import { z } from "zod";

/** How long a key's answer is kept for replay. */
export const KEY_TTL_MS = 24 * 3600_000;

export const idempotencyKeySchema = z
  .string({ error: "An idempotency key is required" })
  .min(8, "Idempotency key is too short (8+ characters)")
  .max(128, "Idempotency key is too long (128 characters at most)")
  .regex(/^[A-Za-z0-9._:-]+$/, "Idempotency key may use letters, digits and . _ : -");

/** JSON with object keys sorted, so equal requests hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Fingerprint of what the client asked for; scope and location are part of it. */
export function requestHash(scope: string, locationId: string, request: unknown): string {
  return createHash("sha256")
    .update(`${scope}\n${locationId}\n${canonicalJson(request)}`)
    .digest("hex");
}

export type StoredKey = {
  requestHash: string;
  status: "IN_PROGRESS" | "COMPLETED";
  expiresAt: Date;
};

export type Decision =
  | "replay" // same request, finished: answer again with the stored response
  | "mismatch" // same key, other request: 422
  | "take-over"; // expired, or left by an attempt that no longer holds the key's lock: start afresh

/**
 * What to do with a row found while holding the key's lock (see run-idempotent.ts). A live
 * attempt is never seen here: it holds the lock, so we never got this far (409 instead).
 */
export function decide(existing: StoredKey, hash: string, now: Date): Decision {
  if (existing.expiresAt.getTime() <= now.getTime()) return "take-over";
  if (existing.requestHash !== hash) return "mismatch";
  if (existing.status === "COMPLETED") return "replay";
  return "take-over";
}

/** The 64-bit advisory-lock key of (user, scope, key): a collision costs a spurious 409, nothing else. */
export function lockKeyOf(userId: string, scope: string, key: string): bigint {
  return createHash("sha256").update(`${userId}\n${scope}\n${key}`).digest().readBigInt64BE(0);
}

/**
 * The answer as stored: JSON text, kept as text (not jsonb, which reorders keys) so a replay is
 * byte-for-byte the first answer. The first caller gets the value parsed from this same text.
 */
export function toStoredText(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}
