// zod building blocks for CSV cells (everything arrives as a trimmed string). Browser-safe.
import { z } from "zod";

/** "12.5", "12.50", "$12.50", "1,299.00" → 1250 cents; at most two decimals. */
export function parseMoneyToCents(raw: string): number | null {
  const s = raw.replace(/[$€£\s]/g, "").replace(/,(?=\d{3}(\D|$))/g, "");
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

export const moneyCell = z.string().transform((v, c) => {
  const cents = parseMoneyToCents(v);
  if (cents === null) {
    c.addIssue({ code: "custom", message: `"${v}" is not an amount like 12.50` });
    return z.NEVER;
  }
  if (cents > 100_000_00) {
    c.addIssue({ code: "custom", message: "Amount is too large" });
    return z.NEVER;
  }
  return cents;
});

/** Non-negative decimal with at most 3 places, kept as a string (exact; Decimal columns). */
export const quantityCell = z.string().regex(/^\d{1,11}(\.\d{1,3})?$/, "Must be a number ≥ 0 with at most 3 decimals");

export const optionalQuantityCell = z.union([z.literal(""), quantityCell]).transform((v) => (v === "" ? null : v));

export const optionalIntCell = (max: number, label = "number") =>
  z
    .string()
    .regex(/^\d*$/, `Must be a whole ${label}`)
    .transform((v) => (v === "" ? null : Number(v)))
    .refine((v) => v === null || v <= max, `Must be at most ${max}`);

export const optionalTextCell = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .transform((v) => (v === "" ? null : v));

/** "a; b;c" → ["a", "b", "c"] (semicolons, since commas separate cells). */
export const listCell = z.string().transform((v) =>
  v
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean),
);
