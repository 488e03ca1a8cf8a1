import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { postStockCount } from "@/lib/inventory/post-stock-count";

/** POST → COUNT_CORRECTION movements for every counted variance (once). */
export const POST = route(
  { permission: "inventory.manage", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => postStockCount(ctx, { id: params.id }),
);
