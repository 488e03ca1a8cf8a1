import { route } from "@/lib/http/route";
import { reportResponse } from "@/lib/reports/report-response";
import { getLearnedPrepTimes, learnedPrepTimesCsv, learnedPrepTimesSchema } from "@/lib/reports/learned-prep-times";

/**
 * GET /api/v1/reports/prep-times?preset=|from=&to= (default the last 28 days) or ?days=N (a rolling
 * window ending now) → each dish's real cook time from the kitchen's bumps (median, p90) and the
 * prep target it suggests; CSV with `Accept: text/csv` or `&format=csv`.
 */
export const GET = route({ permission: "menu.edit", query: learnedPrepTimesSchema }, async ({ ctx, query, req }) =>
  reportResponse(req, query.format, "prep-times", await getLearnedPrepTimes(ctx, query), learnedPrepTimesCsv),
);
