// When a webhook delivery that failed is tried again (pure; the dispatcher applies it).

/** Waits after the 1st, 2nd, … failed attempt; after the last one the delivery is FAILED. */
export const RETRY_DELAYS_MS = [
  30_000,
  2 * 60_000,
  10 * 60_000,
  60 * 60_000,
  6 * 60 * 60_000,
  12 * 60 * 60_000,
  24 * 60 * 60_000,
] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** ±this share of the delay, so endpoints that failed together do not all retry in the same second. */
export const JITTER = 0.2;
/** A claimed delivery whose process died is claimed again after this lease (well above the timeout). */
export const CLAIM_LEASE_MS = 60_000;
/** How long a receiver has to answer. */
export const DELIVERY_TIMEOUT_MS = 5_000;
/** Deliveries in a row that ended FAILED before the endpoint is disabled. */
export const DISABLE_AFTER_FAILURES = 10;

/** The next attempt's time after `attempts` failed tries, or null when the delivery gives up. */
export function nextAttemptAfter(attempts: number, now: Date, random: () => number = Math.random): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const base = RETRY_DELAYS_MS[Math.min(Math.max(0, attempts - 1), RETRY_DELAYS_MS.length - 1)];
  const jitter = 1 + (random() * 2 - 1) * JITTER;
  return new Date(now.getTime() + Math.round(base * jitter));
}
