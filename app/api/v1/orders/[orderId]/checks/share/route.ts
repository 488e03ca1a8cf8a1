import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { shareItemSchema } from "@/lib/checks/schemas";
import { shareItem } from "@/lib/checks/move-items";

/** POST /api/v1/orders/:orderId/checks/share { orderItemId, checkIds: [2+ checks] } — one item in equal parts. */
export const POST = route(
  {
    permission: "checks.manage",
    params: z.object({ orderId: idSchema }),
    body: shareItemSchema.omit({ orderId: true }),
  },
  async ({ ctx, params, body }) => shareItem(ctx, { ...body, orderId: params.orderId }),
);
