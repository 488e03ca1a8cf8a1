import { route } from "@/lib/http/route";

import { bulkChangePrices, bulkChangePricesSchema } from "@/lib/menu/bulk-change-prices";

/**
 * POST /api/v1/menu/prices { itemIds, change: { mode: "PERCENT", bps, roundTo? } | { mode: "AMOUNT", deltaCents, roundTo? } }
 * All or nothing; each change audited.
 */
export const POST = route({ permission: "menu.edit", body: bulkChangePricesSchema }, async ({ ctx, body }) =>
  bulkChangePrices(ctx, body),
);
