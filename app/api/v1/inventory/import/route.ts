import { z } from "zod";
import { route } from "@/lib/http/route";

import { readCsvBody } from "@/lib/csv/http";
import { importIngredientsCsv } from "@/lib/inventory/import-ingredients-csv";

/**
 * POST /api/v1/inventory/import[?dryRun=1], body = the CSV file (text/csv, ≤ 5 MB).
 * 200 with counts, or 400 { error: { code: "VALIDATION", rowErrors: [{ line, column, message }] } }
 * and nothing written.
 */
export const POST = route(
  { permission: "inventory.manage", query: z.object({ dryRun: z.enum(["0", "1", "true", "false"]).optional() }) },
  async ({ ctx, req, query }) =>
    importIngredientsCsv(ctx, { csv: await readCsvBody(req), dryRun: query.dryRun === "1" || query.dryRun === "true" }),
);
