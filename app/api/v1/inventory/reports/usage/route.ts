import { reportPeriodSchema } from "@/lib/inventory/report-period";
import { route } from "@/lib/http/route";

import { getUsageReport } from "@/lib/inventory/get-usage-report";

/** GET ?from=YYYY-MM-DD&to=YYYY-MM-DD → theoretical (sales) vs actual usage per ingredient. */
export const GET = route({ permission: "inventory.manage", query: reportPeriodSchema }, async ({ ctx, query }) => getUsageReport(ctx, query));
