import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";

import { bumpItemsSchema } from "@/lib/kitchen/schemas";
import { bumpItems } from "@/lib/kitchen/bump-items";

/** POST /api/v1/orders/:orderId/bump { station, orderItemIds } — a station finished these items. */
export const POST = route(
  {
    permission: "kitchen.work",
    params: z.object({ orderId: idSchema }),
    body: bumpItemsSchema.omit({ orderId: true }),
  },
  async ({ ctx, params, body }) => bumpItems(ctx, { ...body, orderId: params.orderId }),
);
