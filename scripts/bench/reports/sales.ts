// Report benchmark cases of the sales part (issue 14): the lead's harness calls each
// `run(ctx, { preset: "last-month" })` against one year of history.
import type { Ctx } from "@/lib/auth/context";
import { getSalesReport } from "@/lib/reports/sales-report";
import { getTablesReport } from "@/lib/reports/tables-report";

export const cases: { name: string; run: (ctx: Ctx, query: Record<string, string>) => Promise<unknown> }[] = [
  { name: "sales by day", run: (ctx, query) => getSalesReport(ctx, { ...query, groupBy: "day" }) },
  { name: "sales by hour", run: (ctx, query) => getSalesReport(ctx, { ...query, groupBy: "hour" }) },
  { name: "sales by daypart", run: (ctx, query) => getSalesReport(ctx, { ...query, groupBy: "daypart" }) },
  { name: "sales by server", run: (ctx, query) => getSalesReport(ctx, { ...query, groupBy: "server" }) },
  { name: "sales by area", run: (ctx, query) => getSalesReport(ctx, { ...query, groupBy: "area" }) },
  { name: "tables", run: (ctx, query) => getTablesReport(ctx, query) },
];
