// FormData → plain input for the use cases' zod schemas (numbers, arrays, nulls). Server-side.
import { parseMoneyToCents } from "@/lib/csv/fields";

// A server action is a public endpoint: its "FormData" may be anything a client serialised.
// Non-form input reads as an empty form, which the use case's schema then refuses field by field.
const isForm = (fd: unknown): fd is FormData => fd instanceof FormData;

export const str = (fd: FormData, k: string) => (isForm(fd) ? String(fd.get(k) ?? "").trim() : "");

/** "" → null; otherwise a number (NaN on garbage, which zod reports as "Enter a number"). */
export function num(fd: FormData, k: string): number | null {
  const v = str(fd, k);
  return v === "" ? null : Number(v);
}

/** "12.50" → 1250; "" → null; garbage → NaN (a field error). */
export function cents(fd: FormData, k: string, allowNegative = false): number | null {
  const v = str(fd, k);
  if (v === "") return null;
  const neg = allowNegative && v.startsWith("-");
  const c = parseMoneyToCents(neg ? v.slice(1) : v);
  return c === null ? Number.NaN : neg ? -c : c;
}

/** "8.25" (%) → 825 basis points. */
export function bps(fd: FormData, k: string): number | null {
  const v = str(fd, k).replace("%", "");
  if (v === "") return null;
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(v);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : Number.NaN;
}

export const all = (fd: FormData, k: string) => (isForm(fd) ? fd.getAll(k).map(String).filter(Boolean) : []);

export const orNull = (v: string) => (v === "" ? null : v);

/** Server action results with field keys relative to the form (strip a "fields." prefix). */
export function flattenFieldErrors(
  fe: Record<string, string[]> | undefined,
  prefix = "fields.",
): Record<string, string[]> | undefined {
  if (!fe) return fe;
  return Object.fromEntries(Object.entries(fe).map(([k, v]) => [k.startsWith(prefix) ? k.slice(prefix.length) : k, v]));
}
