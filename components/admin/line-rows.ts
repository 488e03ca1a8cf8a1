// Row operations of the console's line editors (purchase order, recipe, modifier options): pure, so
// the hook that holds the rows (use-line-rows.ts) stays a thin wrapper around them.

import type { FieldErrors } from "@/lib/errors";

/** Row i with `patch` applied; a row may carry more than the patch speaks of (e.g. its React key). */
export function updateAt<R extends P, P = R>(rows: readonly R[], i: number, patch: Partial<P>): R[] {
  return rows.map((row, j) => (j === i ? { ...row, ...patch } : row));
}

export function removeAt<T>(rows: readonly T[], i: number): T[] {
  return rows.filter((_, j) => j !== i);
}

/** Swaps row i with its neighbour above (-1) or below (1); callers disable the move at either end. */
export function moveBy<T>(rows: readonly T[], i: number, step: -1 | 1): T[] {
  const next = [...rows];
  [next[i], next[i + step]] = [next[i + step], next[i]];
  return next;
}

/**
 * The server's messages for one line's fields, in the order of `fields`: for list "lines", line 2
 * and fields ["quantity", "unit"] these are the errors at "lines.2.quantity" then "lines.2.unit".
 */
export function lineFieldErrors(errors: FieldErrors, list: string, i: number, fields: readonly string[]): string[] {
  return fields.flatMap((f) => errors[`${list}.${i}.${f}`] ?? []);
}
