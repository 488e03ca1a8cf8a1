// Report benchmark cases of the kitchen part (issue 14): the lead's harness calls each `run` with
// a manager's ctx and `{ preset: "last-month" }` over the seeded year of history.
import type { Ctx } from "@/lib/auth/context";
import { getKitchenPerformance } from "@/lib/reports/kitchen-performance";
import { getStationLoadForecast } from "@/lib/reports/station-load-forecast";

export const cases: { name: string; run: (ctx: Ctx, query: Record<string, string>) => Promise<unknown> }[] = [
  { name: "kitchen performance by station", run: (ctx, q) => getKitchenPerformance(ctx, { ...q, groupBy: "station" }) },
  { name: "kitchen performance by item", run: (ctx, q) => getKitchenPerformance(ctx, { ...q, groupBy: "item" }) },
  { name: "kitchen performance by hour", run: (ctx, q) => getKitchenPerformance(ctx, { ...q, groupBy: "hour" }) },
  { name: "kitchen performance by cook", run: (ctx, q) => getKitchenPerformance(ctx, { ...q, groupBy: "cook" }) },
  // The forecast has no period: the next 4 hours from the last 4 same weekdays.
  { name: "station load forecast", run: (ctx) => getStationLoadForecast(ctx, {}) },
];
