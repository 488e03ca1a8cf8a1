import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";

import { getOrder } from "@/lib/orders/get-order";
import { updateOrderStatus } from "@/lib/orders/update-order-status";
import { orderStatusBodySchema } from "@/lib/orders/schemas";

const params = z.object({ orderId: idSchema });

/** GET /api/v1/orders/:orderId (floor view, with prices). */
export const GET = route({ permission: "orders.read", params }, async ({ ctx, params }) => ({
  order: await getOrder(ctx, params),
}));

/** PATCH /api/v1/orders/:orderId { status: SERVED | CLOSED | VOIDED, reason? } (roles per status in the use case). */
export const PATCH = route(
  { permission: "orders.take", params, body: orderStatusBodySchema },
  async ({ ctx, params, body }) => updateOrderStatus(ctx, { ...body, orderId: params.orderId }),
);
