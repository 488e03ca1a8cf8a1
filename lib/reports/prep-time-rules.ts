// Learned prep times (issue 14): what the bump data says a dish really takes, and the target it
// suggests. Pure; the SQL that feeds it is in learned-prep-times.ts.

/** Fewer bumps than this and the numbers are noise: no suggestion. */
export const MIN_SAMPLES = 8;
/** Bumps faster than this are a cook clearing a screen, not cooking. */
export const MIN_COOK_SECONDS = 20;
/** Tukey's far-out fence: beyond Q3 + 3×IQR a line was left on the screen, not cooked that long. */
export const FENCE_IQR = 3;
export const DEFAULT_WINDOW_DAYS = 28;

export type PrepStats = { samples: number; discarded: number; medianSeconds: number; p90Seconds: number };

/**
 * The target to propose: the minute nine in ten plates of the dish are done by (p90, rounded up),
 * so a ticket goes late only when it really is slower than the kitchen's own normal.
 */
export function suggestedMinutes(stats: Pick<PrepStats, "samples" | "p90Seconds">): number | null {
  if (stats.samples < MIN_SAMPLES || !(stats.p90Seconds > 0)) return null;
  return Math.min(240, Math.max(1, Math.ceil(stats.p90Seconds / 60)));
}

/** The same statistics in memory (tests cross-check the SQL with it). Linear-interpolated percentiles. */
export function prepStats(seconds: readonly number[]): PrepStats {
  const real = seconds.filter((s) => s >= MIN_COOK_SECONDS).sort((a, b) => a - b);
  const q = (xs: number[], p: number) => {
    if (!xs.length) return 0;
    const i = (xs.length - 1) * p;
    const lo = Math.floor(i);
    return xs[lo] + (xs[Math.min(lo + 1, xs.length - 1)] - xs[lo]) * (i - lo);
  };
  const all = [...seconds].sort((a, b) => a - b);
  const q1 = q(all, 0.25);
  const q3 = q(all, 0.75);
  const kept = real.filter((s) => s <= q3 + FENCE_IQR * (q3 - q1));
  return {
    samples: kept.length,
    discarded: seconds.length - kept.length,
    medianSeconds: q(kept, 0.5),
    p90Seconds: q(kept, 0.9),
  };
}
