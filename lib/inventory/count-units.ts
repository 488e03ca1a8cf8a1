// Count entry units (pure, browser-safe). The count sheet shows Expected in the unit a person
// reads (29.52 kg, not 29,520 g); a count is typed in a unit chosen per row, which defaults to
// that same unit, and converted here to integer milli base units, exactly as stored.
import { fromMilli, roundDiv, toMilli, type Milli } from "./quantity";
import { ENTRY_UNITS, toBaseMilli, type BaseUnitCode } from "./units";

/** The units a row can be counted in, largest first (dozen is left out: eggs are counted each). */
export const COUNT_UNITS: Record<BaseUnitCode, readonly string[]> = { G: ["kg", "g"], ML: ["l", "ml"], EACH: ["each"] };

const ENTRY = /^\d{1,11}(\.\d{1,3})?$/;

/** The unit `formatQuantity` would print `qty` in: kg / l from 1000 g / ml up, else the base unit. */
export function displayUnit(qty: Milli, base: BaseUnitCode): string {
  const [large, small] = COUNT_UNITS[base];
  return small && Math.abs(qty) >= 1_000_000 ? large : (small ?? large);
}

/** `baseQty` (milli base units) as milli of `unit`, or null when 3 decimals cannot hold it exactly. */
export function fromBaseMilli(baseQty: Milli, unit: string, base: BaseUnitCode): Milli | null {
  const factor = ENTRY_UNITS[base][unit];
  if (factor === undefined) return null;
  const scaled = BigInt(baseQty) * 1000n;
  return scaled % BigInt(factor) === 0n ? Number(scaled / BigInt(factor)) : null;
}

/** "29.52" typed in kg for a G ingredient → 29_520_000 milli g; null when not a quantity ≥ 0 with ≤ 3 decimals. */
export function countEntryToBase(entry: string, unit: string, base: BaseUnitCode): Milli | null {
  const v = entry.trim();
  if (!ENTRY.test(v) || !COUNT_UNITS[base].includes(unit)) return null;
  try {
    return toBaseMilli(toMilli(v), unit, base);
  } catch {
    return null;
  }
}

/** A stored base quantity as the text to put back in the input for `unit` (null if not exact). */
export function entryText(baseQty: Milli, unit: string, base: BaseUnitCode): string | null {
  const m = fromBaseMilli(baseQty, unit, base);
  return m === null ? null : fromMilli(m);
}

/**
 * The unit a row starts in: the one Expected is shown in, unless an already saved count cannot
 * be written exactly in it (e.g. 0.5 g in kg), then the base unit.
 */
export function initialCountUnit(expected: Milli, counted: Milli | null, base: BaseUnitCode): string {
  const unit = displayUnit(expected, base);
  if (counted !== null && fromBaseMilli(counted, unit, base) === null)
    return COUNT_UNITS[base][COUNT_UNITS[base].length - 1];
  return unit;
}

/** `qty` (milli base units) written in `unit`, rounded to 3 decimals for display: 29_520_000 g in kg → "29.52 kg". */
export function formatInUnit(qty: Milli, unit: string, base: BaseUnitCode): string {
  const factor = ENTRY_UNITS[base][unit];
  const m = Number(roundDiv(BigInt(qty) * 1000n, BigInt(factor)));
  const [w, f] = fromMilli(m).split(".");
  return `${w.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${f ? `.${f}` : ""} ${unit}`;
}
