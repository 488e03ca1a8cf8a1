import { route } from "@/lib/http/route";
import { reportResponse } from "@/lib/reports/report-response";
import { endOfDayCsv, endOfDaySchema, getEndOfDay } from "@/lib/reports/end-of-day";

/**
 * GET /api/v1/reports/end-of-day?date=YYYY-MM-DD | preset= | from=&to= [&compare=none] → the Z
 * report as JSON, or as CSV (one row per business day, a TOTAL row for a range) when the request
 * sends `Accept: text/csv` or asks `&format=csv`.
 */
export const GET = route({ permission: "reports.money", query: endOfDaySchema }, async ({ ctx, query, req }) =>
  reportResponse(req, query.format, "end-of-day", await getEndOfDay(ctx, query), endOfDayCsv),
);
