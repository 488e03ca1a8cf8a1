import { route } from "@/lib/http/route";
import { markDelivered } from "@/lib/driver/mark-delivered";
import { deliveredSchema, orderIdSchema } from "@/lib/driver/schemas";

// POST { collectedCents? } — delivered at the door; cash on delivery needs the cash taken, at
// least the amount due.
export const POST = route(
  { permission: "delivery.drive", params: orderIdSchema, body: deliveredSchema },
  async ({ ctx, params, body }) => markDelivered(ctx, { ...body, orderId: params.orderId }),
);
