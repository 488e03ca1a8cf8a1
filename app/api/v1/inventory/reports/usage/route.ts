import { inventoryPeriodSchema } from "@/lib/inventory/report-scope";
import { route } from "@/lib/http/route";

import { getUsageReport } from "@/lib/inventory/get-usage-report";

/** GET ?preset= or ?from=YYYY-MM-DD&to=YYYY-MM-DD (default: the last 30 business days) → theoretical (sales) vs actual usage per ingredient. */
export const GET = route({ permission: "inventory.manage", query: inventoryPeriodSchema }, async ({ ctx, query }) => getUsageReport(ctx, query));
