import { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_root";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parse or throw a VALIDATION AppError carrying field-level messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("VALIDATION", "Some fields are invalid", fieldErrorsOf(result.error));
  }
  return result.data;
}

// A NUL byte is refused by PostgreSQL text columns; an unpaired UTF-16 surrogate by jsonb (audit
// details, event payloads). Neither is ever typed by a person, so neither is accepted anywhere.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const UNSTORABLE_TEXT_MESSAGE = "Contains characters that cannot be stored (a NUL byte or a broken character)";

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/**
 * Every string input starts here: `text("Enter a name").trim().min(1).max(80)` (the argument is
 * the message when the field is missing). Storable characters only; callers always add a
 * `.max()` that fits the column or the screen.
 */
export function text(missingMessage?: string) {
  return z
    .string(missingMessage ? { error: missingMessage } : undefined)
    .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
}

/**
 * The first path in a parsed JSON value (or form) that holds an unstorable string, as "a.0.b",
 * or null. The transports check whole inputs with it, so a field a schema forgot still cannot
 * reach the database.
 */
export function findUnstorableText(value: unknown, path: (string | number)[] = [], depth = 0): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path.join(".") || "_root";
  if (depth > 32 || value === null || typeof value !== "object") return null;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  for (const [k, v] of entries) {
    if (typeof k === "string" && !isStorableText(k)) return [...path, "(key)"].join(".");
    const found = findUnstorableText(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Throws a VALIDATION error naming the first field that holds unstorable text. */
export function assertStorableInput(value: unknown): void {
  const path = findUnstorableText(value);
  if (path) throw new AppError("VALIDATION", "Some fields are invalid", { [path]: [UNSTORABLE_TEXT_MESSAGE] });
}

/** Database ids (cuid) and slugs-as-ids: letters, digits, _ and -. Anything else cannot exist. */
export const idSchema = text()
  .min(1, "Required")
  .max(64, "Too long")
  .regex(/^[A-Za-z0-9_-]+$/, "Not a valid id");

/** Largest 4-byte integer column value (PostgreSQL INTEGER). */
export const INT4_MAX = 2_147_483_647;
