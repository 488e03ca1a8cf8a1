import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { listStockCounts } from "@/lib/inventory/list-stock-counts";
import { startStockCount, startStockCountSchema } from "@/lib/inventory/start-stock-count";

export const GET = route({ roles: MANAGERS }, async ({ ctx }) => ({ counts: await listStockCounts(ctx) }));

/** POST { note?, ingredientIds? } → an OPEN count with expected quantities snapshotted. */
export const POST = route(
  { roles: MANAGERS, body: startStockCountSchema },
  async ({ ctx, body }) => startStockCount(ctx, body),
  201,
);
