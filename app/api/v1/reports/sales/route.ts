import { route } from "@/lib/http/route";
import { reportResponse } from "@/lib/reports/report-response";
import { getSalesReport, salesCsv, salesReportSchema } from "@/lib/reports/sales-report";

/**
 * GET /api/v1/reports/sales?preset=|from=&to=&groupBy=&compare=&format= → the sales report as
 * JSON, or CSV (a row per group and a TOTAL row) for `Accept: text/csv` or `format=csv`.
 */
export const GET = route({ permission: "reports.money", query: salesReportSchema }, async ({ ctx, query, req }) =>
  reportResponse(req, query.format, "sales", await getSalesReport(ctx, query), salesCsv),
);
