import { route } from "@/lib/http/route";

import { csvResponse } from "@/lib/csv/http";
import { endOfDayCsv, endOfDaySchema, getEndOfDay } from "@/lib/reports/end-of-day";

/**
 * GET /api/v1/reports/end-of-day?date=YYYY-MM-DD (or ?from&to) → the Z report as JSON, or as CSV
 * (one row per business day) when the request sends `Accept: text/csv` or asks `&format=csv`.
 */
export const GET = route({ permission: "reports.money", query: endOfDaySchema }, async ({ ctx, query, req }) => {
  const report = await getEndOfDay(ctx, query);
  if (query.format === "csv" || (query.format !== "json" && /\btext\/csv\b/i.test(req.headers.get("accept") ?? ""))) {
    const name = report.from === report.to ? report.from : `${report.from}-to-${report.to}`;
    return csvResponse(endOfDayCsv(report), `end-of-day-${name}.csv`);
  }
  return report;
});
