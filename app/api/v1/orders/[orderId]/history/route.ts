import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { getOrderHistory } from "@/lib/orders/get-order-history";

const params = z.object({ orderId: idSchema });

/** GET /api/v1/orders/:orderId/history → the order's events and audit entries in words (managers). */
export const GET = route({ permission: "audit.view", params }, async ({ ctx, params }) => getOrderHistory(ctx, params));
