import { z } from "zod";
import { route } from "@/lib/http/route";
import { unassignDelivery } from "@/lib/delivery/unassign-delivery";
import { idSchema } from "@/lib/validation";

const params = z.object({ orderId: idSchema });

/** DELETE /api/v1/delivery/assignments/:orderId → takes the order off its route while the driver has not left. */
export const DELETE = route({ permission: "delivery.dispatch", params }, async ({ ctx, params }) =>
  unassignDelivery(ctx, { orderId: params.orderId }),
);
