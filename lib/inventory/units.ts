// Units: every ingredient keeps stock in one base unit (G, ML or EACH). People enter and buy in
// other units (kg, l, dozen, "case of 12"), so these helpers convert at the edges. Pure.
import { ceilDiv, divMilli, fromMilli, mulMilli, roundDiv, type Milli } from "./quantity";

export const BASE_UNITS = ["G", "ML", "EACH"] as const;
export type BaseUnitCode = (typeof BASE_UNITS)[number];

/** How many base units one of each entry unit is, in milli (1 kg = 1000 g = 1_000_000 milli). */
export const ENTRY_UNITS: Record<BaseUnitCode, Record<string, Milli>> = {
  G: { g: 1000, kg: 1_000_000, mg: 1, oz: 28_350, lb: 453_592 },
  ML: { ml: 1000, l: 1_000_000, cl: 10_000, dl: 100_000, "fl oz": 29_574, gal: 3_785_412 },
  EACH: { each: 1000, dozen: 12_000 },
};

export const BASE_UNIT_LABEL: Record<BaseUnitCode, string> = { G: "g", ML: "ml", EACH: "each" };

/** `amount` (milli) of `unit` in the ingredient's base unit (milli). Throws on a unit that does not fit. */
export function toBaseMilli(amount: Milli, unit: string, base: BaseUnitCode): Milli {
  const factor = ENTRY_UNITS[base][unit.trim().toLowerCase()];
  if (factor === undefined) {
    throw new RangeError(
      `"${unit}" is not a unit of ${BASE_UNIT_LABEL[base]} (use ${Object.keys(ENTRY_UNITS[base]).join(", ")})`,
    );
  }
  return mulMilli(amount, factor);
}

/** Purchase units (e.g. 3 sacks) → base units, given how many base units one purchase unit holds. */
export function purchaseToBase(purchaseQty: Milli, purchaseUnitSize: Milli): Milli {
  return mulMilli(purchaseQty, purchaseUnitSize);
}

/** Base units → purchase units (fractional, milli), e.g. 7.5 kg of a 5 kg sack = 1.5 sacks. */
export function baseToPurchase(baseQty: Milli, purchaseUnitSize: Milli): Milli {
  return divMilli(baseQty, purchaseUnitSize);
}

/** How many whole purchase units cover `baseQty` (always rounds up: you cannot buy 0.3 of a case). */
export function purchaseUnitsToCover(baseQty: Milli, purchaseUnitSize: Milli): number {
  return ceilDiv(baseQty, purchaseUnitSize);
}

/** Value in cents of `baseQty` at `costCentsPerPurchaseUnit` (rounded half up to the cent). */
export function valueCents(baseQty: Milli, purchaseUnitSize: Milli, costCentsPerPurchaseUnit: number): number {
  return Number(roundDiv(BigInt(baseQty) * BigInt(costCentsPerPurchaseUnit), BigInt(purchaseUnitSize)));
}

/** Human display: 1500 g → "1.5 kg", 250 ml → "250 ml", 12 each → "12". */
export function formatQuantity(qty: Milli, base: BaseUnitCode): string {
  const abs = Math.abs(qty);
  if (base === "G" && abs >= 1_000_000) return `${group(fromMilli(roundTo(qty, 1000) / 1000))} kg`;
  if (base === "ML" && abs >= 1_000_000) return `${group(fromMilli(roundTo(qty, 1000) / 1000))} l`;
  return `${group(fromMilli(qty))} ${BASE_UNIT_LABEL[base]}`;
}

function roundTo(qty: Milli, step: number): Milli {
  return Number(roundDiv(BigInt(qty), BigInt(step))) * step;
}

function group(decimal: string): string {
  const [w, f] = decimal.split(".");
  const g = w.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return f ? `${g}.${f}` : g;
}

/** Cost of `purchaseQty` (milli purchase units) at `unitCostCents` each, rounded to the cent. */
export function lineTotalCents(purchaseQty: Milli, unitCostCents: number): number {
  return Number(roundDiv(BigInt(purchaseQty) * BigInt(unitCostCents), 1000n));
}
