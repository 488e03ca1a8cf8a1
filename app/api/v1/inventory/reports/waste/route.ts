import { inventoryPeriodSchema } from "@/lib/inventory/report-scope";
import { route } from "@/lib/http/route";

import { getWasteReport } from "@/lib/inventory/get-waste-report";

/** GET ?from=&to= → top wasted ingredients by value, waste by reason. */
export const GET = route({ permission: "inventory.manage", query: inventoryPeriodSchema }, async ({ ctx, query }) => getWasteReport(ctx, query));
