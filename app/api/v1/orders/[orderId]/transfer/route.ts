import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { transferOrderBodySchema } from "@/lib/checks/schemas";
import { transferOrder } from "@/lib/checks/transfer-order";

/** POST /api/v1/orders/:orderId/transfer { toTableId?, toServerId? } — move the party and/or hand it over. */
export const POST = route(
  { permission: "checks.manage", params: z.object({ orderId: idSchema }), body: transferOrderBodySchema },
  async ({ ctx, params, body }) => transferOrder(ctx, { ...body, orderId: params.orderId }),
);
