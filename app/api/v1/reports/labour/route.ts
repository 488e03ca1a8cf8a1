import { route } from "@/lib/http/route";
import { getLabourReport, labourReportCsv, labourReportSchema } from "@/lib/reports/labour-report";
import { reportResponse } from "@/lib/reports/report-response";

/**
 * GET /api/v1/reports/labour?preset=last-week (or from&to) [&groupBy=day|role] → hours, labour
 * cost, labour % of net sales and sales per labour hour, as JSON or CSV (`Accept: text/csv` or `&format=csv`).
 */
export const GET = route({ permission: "reports.money", query: labourReportSchema }, async ({ ctx, query, req }) =>
  reportResponse(req, query.format, "labour", await getLabourReport(ctx, query), labourReportCsv),
);
