import { route } from "@/lib/http/route";
import { reportResponse } from "@/lib/reports/report-response";
import { getTablesReport, tablesCsv, tablesReportSchema } from "@/lib/reports/tables-report";

/**
 * GET /api/v1/reports/tables?preset=|from=&to=&compare=&format= → turns, seated time and covers per
 * seat-hour as JSON, or CSV (a row per table and a TOTAL row) for `Accept: text/csv` or `format=csv`.
 */
export const GET = route({ permission: "reports.money", query: tablesReportSchema }, async ({ ctx, query, req }) =>
  reportResponse(req, query.format, "tables", await getTablesReport(ctx, query), tablesCsv),
);
