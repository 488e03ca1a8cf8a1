// Signing and verifying webhook bodies (ADR 0042). Only node:crypto: integrators may copy this
// file as it is. Header: `Kitchen-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Kitchen-Signature";
/** Older timestamps are refused: a captured request cannot be replayed later. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export function computeSignature(secret: string, timestamp: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

/** The header value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, rawBody: string): string {
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, rawBody)}`;
}

export type VerifyResult =
  { ok: true; timestamp: number } | { ok: false; reason: "malformed" | "mismatch" | "too-old" | "in-future" };

/**
 * Check a received body against its Kitchen-Signature header: the HMAC over the exact raw body
 * (compared in constant time; any of several v1 values may match) and a timestamp within the
 * tolerance either side of now.
 */
export function verifyWebhookSignature(input: {
  rawBody: string;
  header: string | null | undefined;
  secret: string;
  toleranceSeconds?: number;
  now?: Date;
}): VerifyResult {
  const parts = (input.header ?? "").split(",").map((p) => p.trim().split("="));
  const t = parts.find(([k]) => k === "t")?.[1];
  const signatures = parts.filter(([k, v]) => k === "v1" && v && /^[0-9a-f]{64}$/.test(v)).map(([, v]) => v);
  if (!t || !/^\d{1,12}$/.test(t) || signatures.length === 0) return { ok: false, reason: "malformed" };
  const timestamp = Number(t);
  const expected = Buffer.from(computeSignature(input.secret, timestamp, input.rawBody), "hex");
  const matches = signatures.some((s) => timingSafeEqual(Buffer.from(s, "hex"), expected));
  if (!matches) return { ok: false, reason: "mismatch" };
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const age = Math.floor((input.now ?? new Date()).getTime() / 1000) - timestamp;
  if (age > tolerance) return { ok: false, reason: "too-old" };
  if (age < -tolerance) return { ok: false, reason: "in-future" };
  return { ok: true, timestamp };
}
