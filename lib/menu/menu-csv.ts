// The menu CSV format, shared by export, import and the browser pre-check. Pure.
import { z } from "zod";
import type { Allergen } from "@/generated/prisma/enums";
import { parseCsvTable } from "../csv/parse";
import { duplicateKeyErrors, validateRows, type RowError } from "../csv/validate-rows";
import { listCell, moneyCell, optionalIntCell, optionalTextCell } from "../csv/fields";
import { parseAllergen, normaliseTag } from "./allergens";

export const MENU_CSV_REQUIRED = ["name", "category", "price"] as const;
export const MENU_CSV_OPTIONAL = [
  "description",
  "tax_rate",
  "station",
  "image_url",
  "allergens",
  "dietary_tags",
  "kcal",
  "protein_g",
  "carbs_g",
  "fat_g",
  "prep_minutes",
  "seasonal_from",
  "seasonal_to",
  "modifier_groups",
  "availability",
] as const;
export const MENU_CSV_COLUMNS = [...MENU_CSV_REQUIRED, ...MENU_CSV_OPTIONAL] as const;
export const MAX_MENU_ROWS = 2000;

/** "8.25" or "8.25%" → 825 basis points; blank → null (the location's default rate). */
const taxCell = z.string().transform((v, c) => {
  if (v === "") return null;
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(v);
  const bps = m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : NaN;
  if (!m || bps > 10_000) {
    c.addIssue({ code: "custom", message: `"${v}" is not a tax rate like 8.25` });
    return z.NEVER;
  }
  return bps;
});

const gramsCell = z.string().transform((v, c) => {
  if (v === "") return null;
  if (!/^\d{1,4}(\.\d)?$/.test(v)) {
    c.addIssue({ code: "custom", message: "Grams with at most one decimal, up to 9999" });
    return z.NEVER;
  }
  return Number(v);
});

const dateCell = z.union([z.literal(""), z.iso.date("Use a date like 2026-06-01")]).transform((v) => v || null);

const allergensCell = listCell.transform((list, c) => {
  const out: Allergen[] = [];
  for (const raw of list) {
    const a = parseAllergen(raw);
    if (!a) c.addIssue({ code: "custom", message: `Unknown allergen "${raw}"` });
    else out.push(a);
  }
  return [...new Set(out)];
});

export const menuRowSchema = z
  .object({
    name: z.string().min(1, "Required").max(80, "At most 80 characters"),
    category: z.string().min(1, "Required").max(60),
    price: moneyCell,
    description: z.string().max(500, "At most 500 characters").default(""),
    tax_rate: taxCell.default(null),
    station: optionalTextCell(60).default(null),
    image_url: z
      .string()
      .max(500)
      .refine(
        (v) => v === "" || /^https?:\/\/\S+$/.test(v) || /^\/[^\s/]\S*$/.test(v),
        "Use an https:// address or a /path",
      )
      .transform((v) => v || null)
      .default(null),
    allergens: allergensCell.default([]),
    dietary_tags: listCell.transform((t) => [...new Set(t.map(normaliseTag).filter(Boolean))]).default([]),
    kcal: optionalIntCell(10_000, "number of kcal").default(null),
    protein_g: gramsCell.default(null),
    carbs_g: gramsCell.default(null),
    fat_g: gramsCell.default(null),
    prep_minutes: optionalIntCell(240, "number of minutes").default(null),
    seasonal_from: dateCell.default(null),
    seasonal_to: dateCell.default(null),
    modifier_groups: listCell.default([]),
    availability: listCell.default([]),
  })
  .refine((r) => !r.seasonal_from || !r.seasonal_to || r.seasonal_from <= r.seasonal_to, {
    path: ["seasonal_to"],
    message: "Must be on or after seasonal_from",
  });
export type MenuRow = z.infer<typeof menuRowSchema>;

export type MenuCsvCheck = {
  rows: { line: number; data: MenuRow }[];
  errors: RowError[];
  /** Every parsed row's raw cells (also the invalid ones), for the checks against the database. */
  raw: { line: number; values: Record<string, string> }[];
};

/** Everything that can be checked without the database. */
export function checkMenuCsv(text: string): MenuCsvCheck {
  const table = parseCsvTable(text, { required: MENU_CSV_REQUIRED, optional: MENU_CSV_OPTIONAL });
  if (table.rows.length > MAX_MENU_ROWS)
    return {
      rows: [],
      raw: [],
      errors: [{ line: 1, message: `Too many rows (${table.rows.length}); at most ${MAX_MENU_ROWS}` }],
    };
  if (!table.rows.length && !table.errors.length)
    return { rows: [], raw: [], errors: [{ line: 2, message: "The file has a header but no rows" }] };
  const v = validateRows(table, menuRowSchema);
  const errors = [...v.errors, ...duplicateKeyErrors(v.rows, (r) => r.name.toLowerCase(), "name")].sort(
    (a, b) => a.line - b.line,
  );
  return { rows: v.rows, errors, raw: table.rows };
}

/** What exists at the location, lower-cased (stations by slug and by name). */
export type MenuCsvReferences = {
  categories: ReadonlySet<string>;
  stations: ReadonlySet<string>;
  modifierGroups: ReadonlySet<string>;
  windows: ReadonlySet<string>;
};

const list = (v: string | undefined) =>
  (v ?? "")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Unknown category / station / modifier group / window, checked on the raw cells of every row,
 * the ones with format errors too: one report lists all of a row's problems, so nobody fixes a
 * price only to learn on the next upload that the category is misspelt.
 */
export function menuReferenceErrors(raw: MenuCsvCheck["raw"], known: MenuCsvReferences): RowError[] {
  const errors: RowError[] = [];
  for (const { line, values } of raw) {
    const category = values.category ?? "";
    if (category && !known.categories.has(category.toLowerCase()))
      errors.push({ line, column: "category", message: `No category "${category}" (create it first)` });
    const station = values.station ?? "";
    if (station && !known.stations.has(station.toLowerCase()))
      errors.push({ line, column: "station", message: `No station "${station}"` });
    for (const g of list(values.modifier_groups)) {
      if (!known.modifierGroups.has(g.toLowerCase()))
        errors.push({ line, column: "modifier_groups", message: `No modifier group "${g}"` });
    }
    for (const w of list(values.availability)) {
      if (!known.windows.has(w.toLowerCase()))
        errors.push({ line, column: "availability", message: `No availability window "${w}"` });
    }
  }
  return errors;
}

/** 825 → "8.25" (export). */
export function bpsToPercent(bps: number | null): string {
  if (bps === null) return "";
  return (bps / 100).toFixed(2).replace(/\.?0+$/, "");
}
