import { route } from "@/lib/http/route";

import { listStockCounts } from "@/lib/inventory/list-stock-counts";
import { startStockCount, startStockCountSchema } from "@/lib/inventory/start-stock-count";

export const GET = route({ permission: "inventory.manage" }, async ({ ctx }) => ({
  counts: await listStockCounts(ctx),
}));

/** POST { note?, ingredientIds? } → an OPEN count with expected quantities snapshotted. */
export const POST = route(
  { permission: "inventory.manage", body: startStockCountSchema },
  async ({ ctx, body }) => startStockCount(ctx, body),
  201,
);
