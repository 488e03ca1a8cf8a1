import type { z } from "zod";
import type { CsvTable } from "./parse";

export type RowError = { line: number; column?: string; message: string };

export type RowValidation<T> = { rows: { line: number; data: T }[]; errors: RowError[] };

/**
 * Run a zod schema over every row; collect every problem (not only the first) with its line
 * and column, so one report lists all that needs fixing. Rows that fail are left out of `rows`.
 */
export function validateRows<S extends z.ZodType>(table: CsvTable, schema: S): RowValidation<z.infer<S>> {
  const out: RowValidation<z.infer<S>> = { rows: [], errors: table.errors.map((e) => ({ ...e })) };
  for (const row of table.rows) {
    const r = schema.safeParse(row.values);
    if (r.success) {
      out.rows.push({ line: row.line, data: r.data });
      continue;
    }
    for (const issue of r.error.issues) {
      const column = issue.path.length ? String(issue.path[0]) : undefined;
      out.errors.push({ line: row.line, column, message: issue.message });
    }
  }
  out.errors.sort((a, b) => a.line - b.line);
  return out;
}

/** Flag rows whose key (e.g. a lower-cased name) repeats an earlier row's. */
export function duplicateKeyErrors<T>(
  rows: { line: number; data: T }[],
  key: (t: T) => string,
  column: string,
): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const r of rows) {
    const k = key(r.data);
    const prev = first.get(k);
    if (prev !== undefined) errors.push({ line: r.line, column, message: `Duplicate of line ${prev}` });
    else first.set(k, r.line);
  }
  return errors;
}

/** One report from two (the browser's check and the server's): each problem once, by line. */
export function mergeRowErrors(...lists: RowError[][]): RowError[] {
  const seen = new Set<string>();
  const out: RowError[] = [];
  for (const e of lists.flat()) {
    const key = `${e.line}\u0000${e.column ?? ""}\u0000${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out.sort((a, b) => a.line - b.line);
}
