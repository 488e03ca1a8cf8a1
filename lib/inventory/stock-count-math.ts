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
