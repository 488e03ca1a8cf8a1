import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { getOrderChecks } from "@/lib/checks/get-order-checks";

/** GET /api/v1/orders/:orderId/checks — the order's checks: lines, shares, discounts, payments, balances. */
export const GET = route(
  { permission: "orders.read", params: z.object({ orderId: idSchema }) },
  async ({ ctx, params }) => getOrderChecks(ctx, params),
);
