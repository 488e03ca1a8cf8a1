// Stock quantities are DECIMAL(14,3) in the database. In code they are integer thousandths of a
// base unit ("milli"): 1.5 kg of flour = 1500 g = 1_500_000 milli. Integers add and compare
// exactly, unlike floats (0.1 + 0.2). 10^14 milli fits well inside Number.MAX_SAFE_INTEGER.
// Pure and browser-safe.

export type Milli = number;

/** The largest quantity a DECIMAL(14,3) column holds, in milli. */
export const MAX_MILLI = 99_999_999_999_999;

/** A quantity beyond what the database can record: the caller's input was too large. */
export class QuantityTooLargeError extends RangeError {
  constructor(what: string) {
    super(`Quantity too large: ${what}`);
    this.name = "QuantityTooLargeError";
  }
}

/** Exact parse of a decimal ("12.5", Prisma Decimal, pg numeric string); rounds half away from zero at 3 places. */
export function toMilli(value: string | number | { toString(): string }): Milli {
  const s = (typeof value === "number" ? numberToPlain(value) : value.toString()).trim();
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new RangeError(`Not a decimal quantity: "${s}"`);
  const [, sign, whole, frac = ""] = m;
  let milli = Number(whole || "0") * 1000 + Number(frac.slice(0, 3).padEnd(3, "0"));
  if (frac.length > 3 && Number(frac[3]) >= 5) milli += 1;
  if (milli > MAX_MILLI) throw new QuantityTooLargeError(`"${s}"`);
  return sign === "-" && milli !== 0 ? -milli : milli;
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite quantity: ${n}`);
  return n.toFixed(4); // one extra digit so toMilli rounds, never truncates
}

/** Back to the exact decimal string a DECIMAL column accepts ("1500.000" → "1500"). */
export function fromMilli(m: Milli): string {
  if (!Number.isSafeInteger(m)) throw new RangeError(`Not an integer milli quantity: ${m}`);
  const sign = m < 0 ? "-" : "";
  const a = Math.abs(m);
  const whole = Math.floor(a / 1000);
  const frac = String(a % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${sign}${whole}${frac ? "." + frac : ""}`;
}

/** a × b where both are milli (e.g. quantity × purchase unit size), rounded half away from zero. */
export function mulMilli(a: Milli, b: Milli): Milli {
  return checked(roundDiv(BigInt(a) * BigInt(b), 1000n));
}

function checked(n: bigint): Milli {
  if (n > BigInt(MAX_MILLI) || n < -BigInt(MAX_MILLI)) throw new QuantityTooLargeError(n.toString());
  return Number(n);
}

/** a ÷ b as milli (b ≠ 0), rounded half away from zero. */
export function divMilli(a: Milli, b: Milli): Milli {
  if (b === 0) throw new RangeError("Division by zero");
  return checked(roundDiv(BigInt(a) * 1000n, BigInt(b)));
}

/** Integer division rounding half away from zero. */
export function roundDiv(n: bigint, d: bigint): bigint {
  if (d < 0n) return roundDiv(-n, -d);
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (a * 2n + d) / (d * 2n);
  return neg ? -q : q;
}

/** Integer division rounding up (for "how many cases do I need"). Both non-negative. */
export function ceilDiv(n: number, d: number): number {
  if (d <= 0) throw new RangeError("Divisor must be positive");
  if (n <= 0) return 0;
  return Number((BigInt(n) + BigInt(d) - 1n) / BigInt(d));
}
