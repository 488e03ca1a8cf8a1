import "server-only";
import { db } from "../db";
import { log } from "../log";
import { metrics } from "../observability/metrics";
import { allowPrivateTargets } from "./settings";
import { privateTargetRefusal } from "./url-policy";
import { CLAIM_LEASE_MS, DELIVERY_TIMEOUT_MS, DISABLE_AFTER_FAILURES, nextAttemptAfter } from "./retry-policy";
import { signatureHeader } from "./verify-signature";

type Claimed = {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  payload: unknown;
  attempts: number;
};
type Endpoint = { id: string; url: string; secret: string; active: boolean };
type Outcome = { ok: boolean; statusCode: number | null; error: string | null; excerpt: string | null; ms: number };

export type DispatchResult = { claimed: number; succeeded: number; retrying: number; failed: number };

/**
 * Send what is due: claim up to `batch` deliveries (PENDING/RETRYING and due, or claimed by a
 * process that died, whose lease ran out) with FOR UPDATE SKIP LOCKED, so two app instances never
 * send one delivery twice; then POST each, signed, outside any transaction. 2xx succeeds; anything
 * else (status, timeout, refused connection, redirect) is retried with backoff, then FAILED.
 */
export async function dispatchWebhooks(
  opts: { batch?: number; endpointId?: string; timeoutMs?: number } = {},
): Promise<DispatchResult> {
  const batch = opts.batch ?? 20;
  const only = opts.endpointId ?? null;
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" d
       SET attempts = d.attempts + 1, "lastAttemptAt" = now(),
           "nextAttemptAt" = now() + ${CLAIM_LEASE_MS} * interval '1 millisecond'
     WHERE d.id IN (
       SELECT id FROM "WebhookDelivery"
        WHERE status IN ('PENDING', 'RETRYING') AND "nextAttemptAt" <= now()
          AND (${only}::text IS NULL OR "endpointId" = ${only})
        ORDER BY "nextAttemptAt"
        LIMIT ${batch}
        FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d."endpointId", d."eventId", d."eventType", d.payload, d.attempts`;
  const result: DispatchResult = { claimed: claimed.length, succeeded: 0, retrying: 0, failed: 0 };
  if (claimed.length === 0) return result;
  const endpoints = await db.webhookEndpoint.findMany({
    where: { id: { in: [...new Set(claimed.map((d) => d.endpointId))] } },
    select: { id: true, url: true, secret: true, active: true },
  });
  await Promise.all(
    claimed.map(async (delivery) => {
      const endpoint = endpoints.find((e) => e.id === delivery.endpointId);
      const outcome = endpoint?.active
        ? await send(endpoint, delivery, opts.timeoutMs ?? DELIVERY_TIMEOUT_MS)
        : { ok: false, statusCode: null, error: "The endpoint is disabled", excerpt: null, ms: 0 };
      result[await record(delivery, outcome, !endpoint?.active)]++;
    }),
  );
  return result;
}

async function send(endpoint: Endpoint, delivery: Claimed, timeoutMs: number): Promise<Outcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const refusal = await privateTargetRefusal(endpoint.url, allowPrivateTargets());
    if (refusal) return { ok: false, statusCode: null, error: refusal, excerpt: null, ms: elapsed() };
    const body = JSON.stringify(delivery.payload);
    const res = await fetch(endpoint.url, {
      method: "POST",
      body,
      redirect: "manual", // a redirect could lead anywhere, past the address check
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "KitchenWebhooks/1",
        "kitchen-signature": signatureHeader(endpoint.secret, Math.floor(Date.now() / 1000), body),
        "kitchen-event-id": delivery.eventId,
        "kitchen-event-type": delivery.eventType,
        "kitchen-delivery-id": delivery.id,
      },
    });
    const excerpt = (await res.text()).slice(0, 500);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, statusCode: res.status, error: ok ? null : `HTTP ${res.status}`, excerpt, ms: elapsed() };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const message = timedOut
      ? `No answer within ${timeoutMs / 1000} s`
      : error instanceof Error
        ? String((error.cause as Error | undefined)?.message ?? error.message)
        : String(error);
    return { ok: false, statusCode: null, error: message.slice(0, 500), excerpt: null, ms: elapsed() };
  }
}

async function record(
  delivery: Claimed,
  outcome: Outcome,
  endpointGone: boolean,
): Promise<"succeeded" | "retrying" | "failed"> {
  const now = new Date();
  const seen = {
    lastStatusCode: outcome.statusCode,
    lastError: outcome.error,
    responseExcerpt: outcome.excerpt,
    lastDurationMs: outcome.ms,
  };
  const next = outcome.ok || endpointGone ? null : nextAttemptAfter(delivery.attempts, now);
  const status = outcome.ok ? "SUCCEEDED" : next ? "RETRYING" : "FAILED";
  await db.webhookDelivery.updateMany({
    where: { id: delivery.id },
    data: { ...seen, status, ...(outcome.ok ? { deliveredAt: now } : {}), ...(next ? { nextAttemptAt: next } : {}) },
  });
  if (outcome.ok) {
    await db.webhookEndpoint.updateMany({
      where: { id: delivery.endpointId, consecutiveFailures: { gt: 0 } },
      data: { consecutiveFailures: 0 },
    });
  } else if (status === "FAILED" && !endpointGone) {
    await endpointFailed(delivery.endpointId, now);
  }
  if (!outcome.ok)
    log.warn("webhook delivery failed", { deliveryId: delivery.id, attempts: delivery.attempts, error: outcome.error });
  const outcomeLabel = status.toLowerCase() as "succeeded" | "retrying" | "failed";
  metrics().webhookDeliveries.inc({ event: delivery.eventType, outcome: outcomeLabel });
  return outcomeLabel;
}

/** A delivery gave up: count it, and stop an endpoint that has been failing for long. */
async function endpointFailed(endpointId: string, now: Date) {
  const [row] = await db.$queryRaw<{ consecutiveFailures: number }[]>`
    UPDATE "WebhookEndpoint" SET "consecutiveFailures" = "consecutiveFailures" + 1
     WHERE id = ${endpointId} RETURNING "consecutiveFailures"`;
  if (row && row.consecutiveFailures >= DISABLE_AFTER_FAILURES) {
    const stopped = await db.webhookEndpoint.updateMany({
      where: { id: endpointId, active: true },
      data: { active: false, disabledAt: now },
    });
    if (stopped.count)
      log.warn("webhook endpoint disabled after failures", { endpointId, failures: row.consecutiveFailures });
  }
}
