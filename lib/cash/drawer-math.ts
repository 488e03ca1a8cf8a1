// Cash drawer arithmetic, pure and client-safe: what the drawer should hold, the variance, and the
// denomination counter's total. All integer cents.

export type DrawerFlows = {
  openingFloatCents: number;
  /** Cash payments attached to the session: what they paid of the checks (change already given back). */
  cashSalesCents: number;
  payInsCents: number;
  payOutsCents: number;
  /** Cash refunds paid out of this drawer (amount and any tip). */
  cashRefundsCents: number;
};

/** Float + cash taken + pay-ins − pay-outs − cash refunds. */
export function expectedCash(f: DrawerFlows): number {
  return f.openingFloatCents + f.cashSalesCents + f.payInsCents - f.payOutsCents - f.cashRefundsCents;
}

/** Counted − expected: negative is a shortage, positive an overage. */
export function cashVariance(countedCents: number, expectedCents: number): number {
  return countedCents - expectedCents;
}

/** US notes and coins the counter offers, largest first (cents). */
export const DENOMINATIONS = [
  { cents: 10000, label: "$100" },
  { cents: 5000, label: "$50" },
  { cents: 2000, label: "$20" },
  { cents: 1000, label: "$10" },
  { cents: 500, label: "$5" },
  { cents: 200, label: "$2" },
  { cents: 100, label: "$1" },
  { cents: 25, label: "25¢" },
  { cents: 10, label: "10¢" },
  { cents: 5, label: "5¢" },
  { cents: 1, label: "1¢" },
] as const;

/** The total of a count by denomination ({ "2000": 3 } = three $20 notes); unknown or bad entries count as nothing. */
export function countTotal(counts: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const d of DENOMINATIONS) {
    const n = counts[String(d.cents)];
    if (Number.isInteger(n) && n > 0) total += n * d.cents;
  }
  return total;
}

/** "−$4.50 short", "$1.00 over", "exact" — the words a cashier reads. */
export function varianceWords(varianceCents: number, format: (cents: number) => string): string {
  if (varianceCents === 0) return "Exact";
  return varianceCents < 0 ? `${format(-varianceCents)} short` : `${format(varianceCents)} over`;
}

/** "12.5" / "$12.50" / "12" → cents; anything else (or more than two decimals) → NaN, which the server reports. */
export function dollarsToCents(input: string): number {
  const m = /^\s*\$?\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(input);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : Number.NaN;
}
