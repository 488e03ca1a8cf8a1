import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { receivePurchaseOrder, receivePurchaseOrderSchema } from "@/lib/inventory/receive-purchase-order";

/** POST { lines?: [{ lineId, quantity (purchase units), unitCostCents? }] }; no lines = everything outstanding. */
export const POST = route(
  {
    permission: "inventory.manage",
    params: z.object({ id: idSchema }),
    body: receivePurchaseOrderSchema.omit({ id: true }),
  },
  async ({ ctx, params, body }) => receivePurchaseOrder(ctx, { ...body, id: params.id }),
);
