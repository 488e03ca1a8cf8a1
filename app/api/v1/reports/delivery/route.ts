import { route } from "@/lib/http/route";
import { reportResponse } from "@/lib/reports/report-response";
import { deliveryCsv, deliveryReportSchema, getDeliveryReport } from "@/lib/reports/delivery-report";

/**
 * GET /api/v1/reports/delivery?preset=|from=&to=&compare=&format= → on-time rate, average delivery
 * times, orders per driver per hour on duty and failures by reason as JSON, or CSV (a row per
 * driver and a TOTAL row) for `Accept: text/csv` or `format=csv`.
 */
export const GET = route({ permission: "reports.money", query: deliveryReportSchema }, async ({ ctx, query, req }) =>
  reportResponse(req, query.format, "delivery", await getDeliveryReport(ctx, query), deliveryCsv),
);
