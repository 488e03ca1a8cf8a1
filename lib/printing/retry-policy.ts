// When a print job that could not be sent is tried again (pure; the queue applies it).

/** Waits after the 1st, 2nd, … failed attempt; after the last one the job is FAILED. */
export const RETRY_DELAYS_MS = [5_000, 15_000, 60_000, 5 * 60_000, 15 * 60_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A claimed job whose process died is taken again after this lease. */
export const CLAIM_LEASE_MS = 2 * 60_000;

/** The next attempt's time after `attempts` failed tries, or null when the job gives up. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const delay = RETRY_DELAYS_MS[Math.max(0, attempts - 1)] ?? RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1];
  return new Date(now.getTime() + delay);
}
