// Pure helpers of the check panel and the payment dialog (client-safe, unit-tested beside).

/** Cash a guest is likely to hand over: the exact amount, then the next $5/$10/$20/$50/$100 above it. */
export function quickCashAmounts(dueCents: number): number[] {
  if (!Number.isInteger(dueCents) || dueCents <= 0) return [];
  const steps = [500, 1000, 2000, 5000, 10000].map((step) => Math.ceil(dueCents / step) * step);
  return [...new Set([dueCents, ...steps])].sort((a, b) => a - b);
}

/** A tip of `bps` basis points of the check total, rounded half up to the cent. */
export function tipFor(totalCents: number, bps: number): number {
  if (totalCents <= 0 || bps <= 0) return 0;
  return Math.floor((totalCents * bps + 5_000) / 10_000);
}

/** The location's tip suggestions (15/18/20 %) as labels and cents. */
export function tipSuggestions(totalCents: number, bpsList: readonly number[]) {
  return bpsList
    .filter((bps) => Number.isInteger(bps) && bps > 0)
    .map((bps) => ({ bps, label: `${trimZeros(bps / 100)} %`, cents: tipFor(totalCents, bps) }));
}

/** Change due for cash: what was handed over beyond the amount settled. */
export function changeDue(tenderedCents: number, amountCents: number): number {
  return Math.max(0, tenderedCents - amountCents);
}

const GLYPHS: Record<string, string> = { "1/2": "½", "1/3": "⅓", "2/3": "⅔", "1/4": "¼", "3/4": "¾", "1/5": "⅕" };

/** "½", "⅓", "3/7" for a check's share of an item; "" when the check has the whole item. */
export function shareLabel(parts: number, ofParts: number): string {
  if (ofParts <= 0 || parts <= 0 || parts >= ofParts) return "";
  const d = gcd(parts, ofParts);
  const key = `${parts / d}/${ofParts / d}`;
  return GLYPHS[key] ?? key;
}

/** "12.50", "12", "$12.5" → cents; null when it is not an amount of money. */
export function parseCents(text: string): number | null {
  const t = text.trim().replace(/^\$/, "").replace(/,/g, "");
  if (!/^\d{1,6}(\.\d{0,2})?$/.test(t)) return null;
  const [whole, frac = ""] = t.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

/** "10", "12.5", "100 %" → basis points (1 000 = 10 %); null outside 0.01–100 %. */
export function parsePercentBps(text: string): number | null {
  const t = text.trim().replace(/%$/, "").trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const bps = Math.round(Number(t) * 100);
  return bps >= 1 && bps <= 10_000 ? bps : null;
}

/** Cents as an editable amount ("12.50"). */
export function centsText(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** "5 min", "1 h 20" — how long a check has been open. */
export function ageLabel(fromIso: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - new Date(fromIso).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")}`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function trimZeros(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, "");
}
