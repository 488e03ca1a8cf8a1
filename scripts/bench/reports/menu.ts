/**
 * Report benchmark cases of the "menu" part (issue 14): product mix & menu engineering, the
 * inventory report (each view) and labour. The lead's harness calls each `run(ctx, query)` with
 * e.g. `{ preset: "last-month" }` against the seeded history and times it.
 */
import type { Ctx } from "../../../lib/auth/context";
import { getProductMix } from "../../../lib/reports/product-mix";
import { getInventoryReport } from "../../../lib/reports/inventory-report";
import { getLabourReport } from "../../../lib/reports/labour-report";

export const cases: { name: string; run: (ctx: Ctx, query: Record<string, string>) => Promise<unknown> }[] = [
  { name: "product-mix", run: (ctx, query) => getProductMix(ctx, query) },
  { name: "product-mix by category", run: (ctx, query) => getProductMix(ctx, { ...query, groupBy: "category" }) },
  // One call computes every inventory view (turnover, usage, waste, prices) and the previous period.
  { name: "inventory", run: (ctx, query) => getInventoryReport(ctx, query) },
  { name: "labour", run: (ctx, query) => getLabourReport(ctx, query) },
];
