// Pure rules of idempotent requests (docs/adr/0007): how a request is fingerprinted and what to
// do when its key has been seen before. The database side is in run-idempotent.ts.
import { createHash } from "node:crypto";
import { z } from "zod";

/** How long a key's answer is kept for replay. */
export const KEY_TTL_MS = 24 * 3600_000;
/**
 * An IN_PROGRESS claim older than this belongs to a crashed attempt and may be taken over.
 * Far longer than any send (a transaction times out after 15 s), so a live attempt is never
 * taken over; if one were, its completion would fail (the claim token changed) and roll back.
 */
export const IN_PROGRESS_LEASE_MS = 60_000;

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
  return createHash("sha256").update(`${scope}\n${locationId}\n${canonicalJson(request)}`).digest("hex");
}

export type StoredKey = {
  requestHash: string;
  status: "IN_PROGRESS" | "COMPLETED";
  createdAt: Date;
  expiresAt: Date;
};

export type Decision =
  | "replay" // same request, finished: answer again with the stored response
  | "mismatch" // same key, other request: 422
  | "in-progress" // same request still running: 409
  | "take-over"; // expired, or abandoned by a crashed attempt: start afresh

export function decide(existing: StoredKey, hash: string, now: Date, leaseMs = IN_PROGRESS_LEASE_MS): Decision {
  if (existing.expiresAt.getTime() <= now.getTime()) return "take-over";
  if (existing.requestHash !== hash) return "mismatch";
  if (existing.status === "COMPLETED") return "replay";
  if (existing.createdAt.getTime() + leaseMs <= now.getTime()) return "take-over";
  return "in-progress";
}

/** Plain JSON (dates as ISO strings): what is stored is exactly what the first caller gets. */
export function toStoredJson<T>(value: T): T {
  return value === undefined ? (null as T) : (JSON.parse(JSON.stringify(value)) as T);
}
