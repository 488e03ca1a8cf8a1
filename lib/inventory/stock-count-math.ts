// Stock count corrections (pure, milli base units).
//
// A count compares what was physically counted with the level *when the count was started*
// (`expected`). Posting applies the variance (counted − expected) to the live level, so sales and
// deliveries booked while people were counting are kept rather than overwritten. If sales since
// the snapshot make that impossible (it would go below zero), the correction stops at zero.
import type { Milli } from "./quantity";

export function variance(expected: Milli, counted: Milli): Milli {
  return counted - expected;
}

export function correctionDelta(args: { expected: Milli; counted: Milli; current: Milli }): Milli {
  const v = variance(args.expected, args.counted);
  return Math.max(v, -Math.max(0, args.current));
}

/**
 * A variance worth a second look before posting: more than 20 % of what was expected, or any
 * stock found where none was expected. 20 % is well above the noise of weighing part-used
 * containers (a few %), yet catches the slips that matter: a unit mix-up (×1000), a missed
 * shelf or a typo. Exact integer maths, so it agrees on the server and in the browser.
 */
export const LARGE_VARIANCE_PERCENT = 20;

export function isLargeVariance(expected: Milli, counted: Milli): boolean {
  const v = BigInt(Math.abs(variance(expected, counted)));
  if (v === 0n) return false;
  if (expected <= 0) return true;
  return v * 100n > BigInt(expected) * BigInt(LARGE_VARIANCE_PERCENT);
}
