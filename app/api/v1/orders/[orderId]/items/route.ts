import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";

import { addItemsSchema } from "@/lib/orders/schemas";
import { addOrderItems } from "@/lib/orders/add-order-items";

/** POST /api/v1/orders/:orderId/items { items: [...] } — saved as PENDING, not sent. */
export const POST = route(
  { permission: "orders.take", params: z.object({ orderId: idSchema }), body: addItemsSchema.omit({ orderId: true }) },
  async ({ ctx, params, body }) => addOrderItems(ctx, { ...body, orderId: params.orderId }),
  201,
);
