// Bulk price changes in integer cents. Pure and browser-safe (the dialog previews with it).
//
// Rounding rule: a percentage change is computed exactly in integers
// (cents × basis points / 10 000) and rounded half away from zero to the cent; then, when a
// `roundTo` step is chosen (5, 10, 25, 50 or 100 cents), the result is rounded half up to the
// nearest multiple of that step. A change that would make a price negative is refused, never
// clamped: silently pricing a dish at 0 is worse than an error.

export type PriceChange =
  | { mode: "PERCENT"; /** basis points: 1000 = +10 %, -250 = -2.5 % */ bps: number; roundTo?: number }
  | { mode: "AMOUNT"; deltaCents: number; roundTo?: number };

export const ROUND_STEPS = [1, 5, 10, 25, 50, 100] as const;
export const MAX_PRICE_CENTS = 100_000_00;

/** Integer division rounding half away from zero. */
function divRound(n: number, d: number): number {
  const q = Math.floor(Math.abs(n) / d);
  const r = Math.abs(n) % d;
  const rounded = r * 2 >= d ? q + 1 : q;
  return n < 0 ? -rounded : rounded;
}

export function applyPriceChange(cents: number, change: PriceChange): number {
  if (!Number.isSafeInteger(cents)) throw new RangeError("Price must be integer cents");
  let next = change.mode === "PERCENT" ? cents + divRound(cents * change.bps, 10_000) : cents + change.deltaCents;
  const step = change.roundTo ?? 1;
  if (step > 1) next = divRound(next, step) * step;
  return next;
}

export type PricePreview = { id: string; name: string; fromCents: number; toCents: number; error?: string };

/** The before/after table shown before confirming, with per-row problems. */
export function previewPriceChange(
  items: readonly { id: string; name: string; priceCents: number }[],
  change: PriceChange,
): PricePreview[] {
  return items.map((i) => {
    const toCents = applyPriceChange(i.priceCents, change);
    const error =
      toCents < 0 ? "Would become negative" : toCents > MAX_PRICE_CENTS ? "Would exceed the maximum price" : undefined;
    return { id: i.id, name: i.name, fromCents: i.priceCents, toCents, error };
  });
}

/** "12.5" → 1250 bps (percent with up to two decimals, as typed in the dialog). */
export function percentToBps(percent: string): number | null {
  const m = /^([+-]?)(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent.trim());
  if (!m) return null;
  const bps = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] === "-" ? -bps : bps;
}
