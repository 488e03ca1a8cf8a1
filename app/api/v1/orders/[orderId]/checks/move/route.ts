import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { moveItemsSchema } from "@/lib/checks/schemas";
import { moveItems } from "@/lib/checks/move-items";

/** POST /api/v1/orders/:orderId/checks/move { orderItemIds: [...], toCheckId: id | "new" } — split by item. */
export const POST = route(
  {
    permission: "checks.manage",
    params: z.object({ orderId: idSchema }),
    body: moveItemsSchema.omit({ orderId: true }),
  },
  async ({ ctx, params, body }) => moveItems(ctx, { ...body, orderId: params.orderId }),
);
