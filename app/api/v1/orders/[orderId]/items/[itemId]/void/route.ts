import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";

import { voidItemSchema } from "@/lib/orders/schemas";
import { voidOrderItem } from "@/lib/orders/void-order-item";

/** POST /api/v1/orders/:orderId/items/:itemId/void { reason } — a sent item needs MANAGER/ADMIN. */
export const POST = route(
  {
    permission: "orders.take",
    params: z.object({ orderId: idSchema, itemId: idSchema }),
    body: voidItemSchema.pick({ reason: true }),
  },
  async ({ ctx, params, body }) =>
    voidOrderItem(ctx, { orderId: params.orderId, orderItemId: params.itemId, reason: body.reason }),
);
