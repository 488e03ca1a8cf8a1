// Small helpers every benchmark uses: flags, waiting, percentiles, number formatting.

/** A bad flag: benchmarks answer it with exit code 2. */
export class UsageError extends Error {}

/** A whole-number flag within [min, max]; absent → the fallback (checked the same way). */
export function intFlag(
  raw: string | undefined,
  fallback: number,
  flag: string,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`--${flag} must be a whole number ${range}, got "${raw ?? fallback}"`);
  }
  return n;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${label}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Open loop: call i is due at start + i/rate whether or not earlier ones have completed. */
export async function atRate(
  count: number,
  rate: number,
  call: (seq: number) => Promise<void>,
): Promise<Promise<void>[]> {
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let seq = 0; seq < count; seq++) {
    const delay = start + (seq * 1000) / rate - performance.now();
    if (delay > 0.5) await sleep(delay);
    pending.push(call(seq));
  }
  return pending;
}

/** Nearest-rank percentile of ascending samples (NaN when there are none). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Milliseconds with as many decimals as they deserve; "n/a" for no figure. */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
}
