import { route } from "@/lib/http/route";
import { getProductMix, productMixCsv, productMixSchema } from "@/lib/reports/product-mix";
import { reportResponse } from "@/lib/reports/report-response";

/**
 * GET /api/v1/reports/product-mix?preset=last-week (or from&to) [&groupBy=item|category]
 * [&categoryId=] → product mix and menu engineering as JSON, or CSV (`Accept: text/csv` or `&format=csv`).
 */
export const GET = route({ permission: "reports.money", query: productMixSchema }, async ({ ctx, query, req }) =>
  reportResponse(req, query.format, "product-mix", await getProductMix(ctx, query), productMixCsv),
);
