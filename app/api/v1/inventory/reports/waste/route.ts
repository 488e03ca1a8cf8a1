import { reportPeriodSchema } from "@/lib/inventory/report-period";
import { route } from "@/lib/http/route";

import { getWasteReport } from "@/lib/inventory/get-waste-report";

/** GET ?from=&to= → top wasted ingredients by value, waste by reason. */
export const GET = route({ permission: "inventory.manage", query: reportPeriodSchema }, async ({ ctx, query }) => getWasteReport(ctx, query));
