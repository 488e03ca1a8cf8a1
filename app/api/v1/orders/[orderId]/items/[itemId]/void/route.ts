import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";

import { voidItemSchema } from "@/lib/orders/schemas";
import { voidOrderItem } from "@/lib/orders/void-order-item";

/**
 * POST /api/v1/orders/:orderId/items/:itemId/void { reason, approval? } — a sent item needs
 * "orders.voidSent", or a manager's approval { approverId, pin } (or { email, password }).
 */
export const POST = route(
  {
    permission: "orders.take",
    params: z.object({ orderId: idSchema, itemId: idSchema }),
    body: voidItemSchema.pick({ reason: true, approval: true }),
  },
  async ({ ctx, params, body }) =>
    voidOrderItem(ctx, {
      orderId: params.orderId,
      orderItemId: params.itemId,
      reason: body.reason,
      approval: body.approval,
    }),
);
