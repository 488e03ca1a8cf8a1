import { route } from "@/lib/http/route";
import { getStationLoadForecast, stationLoadForecastSchema } from "@/lib/reports/station-load-forecast";

/**
 * GET /api/v1/reports/station-load-forecast?hours=4&bucket=60|30&walkIns=true|false → expected
 * items per kitchen station and bucket for the next hours (kitchen screens and the dashboard).
 */
export const GET = route({ permission: "kitchen.forecast", query: stationLoadForecastSchema }, async ({ ctx, query }) =>
  getStationLoadForecast(ctx, query),
);
