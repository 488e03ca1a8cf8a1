import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { cancelStockCount } from "@/lib/inventory/cancel-stock-count";

export const POST = route(
  { permission: "inventory.manage", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => cancelStockCount(ctx, { id: params.id }),
);
