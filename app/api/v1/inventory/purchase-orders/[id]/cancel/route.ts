import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { cancelPurchaseOrder, cancelPurchaseOrderSchema } from "@/lib/inventory/cancel-purchase-order";

/** POST { reason? } → CANCELLED; 409 INVALID_STATE once anything was received. */
export const POST = route(
  {
    permission: "inventory.manage",
    params: z.object({ id: idSchema }),
    body: cancelPurchaseOrderSchema.omit({ id: true }),
  },
  async ({ ctx, params, body }) => cancelPurchaseOrder(ctx, { ...body, id: params.id }),
);
