import { route } from "@/lib/http/route";

import { getStockValuation } from "@/lib/inventory/get-stock-valuation";

export const GET = route({ permission: "inventory.manage" }, async ({ ctx }) => getStockValuation(ctx));
