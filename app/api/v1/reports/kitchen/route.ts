import { route } from "@/lib/http/route";
import { reportResponse } from "@/lib/reports/report-response";
import {
  getKitchenPerformance,
  kitchenPerformanceCsv,
  kitchenPerformanceSchema,
} from "@/lib/reports/kitchen-performance";

/**
 * GET /api/v1/reports/kitchen?preset=|from=&to=&compare=&groupBy=station|item|hour|cook → kitchen
 * ticket times as JSON, or as CSV (one row per group and a TOTAL) by `Accept: text/csv` or `format=csv`.
 */
export const GET = route({ permission: "reports.money", query: kitchenPerformanceSchema }, async ({ ctx, query, req }) =>
  reportResponse(req, query.format, "kitchen", await getKitchenPerformance(ctx, query), kitchenPerformanceCsv),
);
