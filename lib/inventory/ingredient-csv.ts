// The ingredient CSV format, shared by export, import and the browser pre-check. Pure.
import { z } from "zod";
import { parseCsvTable } from "../csv/parse";
import { duplicateKeyErrors, validateRows, type RowError } from "../csv/validate-rows";
import { moneyCell, optionalQuantityCell, optionalTextCell, quantityCell } from "../csv/fields";

export const INGREDIENT_CSV_REQUIRED = [
  "name",
  "base_unit",
  "purchase_unit",
  "purchase_unit_size",
  "cost_per_purchase_unit",
  "par_level",
  "reorder_point",
] as const;
export const INGREDIENT_CSV_OPTIONAL = ["sku", "supplier", "on_hand"] as const;
export const INGREDIENT_CSV_COLUMNS = [
  "name",
  "sku",
  "base_unit",
  "purchase_unit",
  "purchase_unit_size",
  "cost_per_purchase_unit",
  "par_level",
  "reorder_point",
  "supplier",
  "on_hand",
] as const;
export const MAX_IMPORT_ROWS = 5000;

const baseUnitCell = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(["G", "ML", "EACH"], { error: "Must be g, ml or each" }));

export const ingredientRowSchema = z
  .object({
    name: z.string().min(1, "Required").max(80, "At most 80 characters"),
    sku: optionalTextCell(40).default(null),
    base_unit: baseUnitCell,
    purchase_unit: z.string().min(1, "Required").max(40, "At most 40 characters"),
    purchase_unit_size: quantityCell.refine((v) => Number(v) > 0, "Must be more than 0"),
    cost_per_purchase_unit: moneyCell,
    par_level: quantityCell,
    reorder_point: quantityCell,
    supplier: optionalTextCell(80).default(null),
    /** Blank = leave stock as it is. */
    on_hand: optionalQuantityCell.default(null),
  })
  .refine((r) => Number(r.reorder_point) <= Number(r.par_level), {
    path: ["reorder_point"],
    message: "Must not be above par_level",
  });
export type IngredientRow = z.infer<typeof ingredientRowSchema>;

export type IngredientCsvCheck = {
  rows: { line: number; data: IngredientRow }[];
  errors: RowError[];
  /** Every parsed row's raw cells (also the invalid ones), for checks against the database. */
  raw: { line: number; values: Record<string, string> }[];
};

/** Everything that can be checked without the database. */
export function checkIngredientCsv(text: string): IngredientCsvCheck {
  const table = parseCsvTable(text, { required: INGREDIENT_CSV_REQUIRED, optional: INGREDIENT_CSV_OPTIONAL });
  if (table.rows.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      raw: [],
      errors: [{ line: 1, message: `Too many rows (${table.rows.length}); at most ${MAX_IMPORT_ROWS} per file` }],
    };
  }
  if (!table.rows.length && !table.errors.length)
    return { rows: [], raw: [], errors: [{ line: 2, message: "The file has a header but no rows" }] };
  const v = validateRows(table, ingredientRowSchema);
  const errors = [...v.errors, ...duplicateKeyErrors(v.rows, (r) => r.name.toLowerCase(), "name")].sort(
    (a, b) => a.line - b.line,
  );
  return { rows: v.rows, errors, raw: table.rows };
}
