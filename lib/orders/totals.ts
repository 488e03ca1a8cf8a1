// Money for an order, in integer cents only. Tax is added on top of prices (US style) and
// computed per tax rate: lines are summed per rate first, then each rate's tax is rounded once
// (half up). Rounding once per rate keeps the total independent of how lines are split.

import { effectiveTaxRate } from "../menu/tax-rate";

export type PricedLine = {
  unitPriceCents: number;
  modifiersCents: number;
  quantity: number;
  /** Null/undefined = the location's default rate. */
  taxRateBps?: number | null;
  voided?: boolean;
};

export type Totals = { subtotalCents: number; taxCents: number; totalCents: number };

/**
 * The largest order total accepted: $1,000,000.00. Far above any real check, far below what the
 * INTEGER cents columns hold (2³¹ − 1), so an absurd quantity is a clear refusal, not an overflow.
 */
export const MAX_ORDER_TOTAL_CENTS = 100_000_000;

export function exceedsOrderLimit(totals: Totals): boolean {
  return totals.totalCents > MAX_ORDER_TOTAL_CENTS;
}

export function lineCents(line: Pick<PricedLine, "unitPriceCents" | "modifiersCents" | "quantity">): number {
  return (line.unitPriceCents + line.modifiersCents) * line.quantity;
}

/** `amount × bps / 10 000`, rounded half up, in integers (no floating point). */
export function taxOn(amountCents: number, bps: number): number {
  if (amountCents <= 0 || bps <= 0) return 0;
  return Math.floor((amountCents * bps + 5_000) / 10_000);
}

/** An online delivery's fee and its tax rate (snapshotted on the order at submit). */
export type DeliveryFee = { cents: number; rateBps: number };

/**
 * Subtotal (the items), tax and total. A delivery fee is owed on top of the subtotal and taxed at
 * its own rate, in the same per-rate sum as the items, so the checks (which add it to the first
 * check's base) round to the same cent.
 */
export function computeTotals(lines: readonly PricedLine[], locationRateBps: number, fee?: DeliveryFee | null): Totals {
  const perRate = new Map<number, number>();
  let subtotalCents = 0;
  for (const line of lines) {
    if (line.voided) continue;
    const cents = lineCents(line);
    subtotalCents += cents;
    const rate = effectiveTaxRate(line.taxRateBps, locationRateBps);
    perRate.set(rate, (perRate.get(rate) ?? 0) + cents);
  }
  const feeCents = Math.max(0, fee?.cents ?? 0);
  if (feeCents > 0) perRate.set(fee!.rateBps, (perRate.get(fee!.rateBps) ?? 0) + feeCents);
  let taxCents = 0;
  for (const [rate, cents] of perRate) taxCents += taxOn(cents, rate);
  return { subtotalCents, taxCents, totalCents: subtotalCents + feeCents + taxCents };
}
