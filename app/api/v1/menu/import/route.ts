import { z } from "zod";
import { route } from "@/lib/http/route";

import { readCsvBody } from "@/lib/csv/http";
import { importMenuCsv } from "@/lib/menu/import-menu-csv";

/**
 * POST /api/v1/menu/import[?dryRun=1] with the CSV file as the body (text/csv, ≤ 5 MB).
 * 200 with counts, or 400 { error: { code: "VALIDATION", rowErrors: [{ line, column, message }] } }
 * and nothing written.
 */
export const POST = route(
  { permission: "menu.edit", query: z.object({ dryRun: z.enum(["0", "1", "true", "false"]).optional() }) },
  async ({ ctx, req, query }) =>
    importMenuCsv(ctx, { csv: await readCsvBody(req), dryRun: query.dryRun === "1" || query.dryRun === "true" }),
);
