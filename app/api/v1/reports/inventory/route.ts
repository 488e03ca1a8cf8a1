import { route } from "@/lib/http/route";
import { getInventoryReport, inventoryReportCsv, inventoryReportSchema } from "@/lib/reports/inventory-report";
import { reportResponse } from "@/lib/reports/report-response";

/**
 * GET /api/v1/reports/inventory?preset=last-week (or from&to; default the last 30 business days)
 * [&view=turnover|usage|waste|prices][&ingredientId=] → JSON, or the view as CSV (`Accept: text/csv` or `&format=csv`).
 */
export const GET = route({ permission: "reports.money", query: inventoryReportSchema }, async ({ ctx, query, req }) =>
  reportResponse(req, query.format, `inventory-${query.view ?? "turnover"}`, await getInventoryReport(ctx, query), inventoryReportCsv),
);
