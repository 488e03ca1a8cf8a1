import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { getPurchaseOrder } from "@/lib/inventory/get-purchase-order";
import { updatePurchaseOrder, updatePurchaseOrderSchema } from "@/lib/inventory/update-purchase-order";

const params = z.object({ id: idSchema });

export const GET = route({ permission: "inventory.manage", params }, async ({ ctx, params }) =>
  getPurchaseOrder(ctx, params.id),
);

/** PUT replaces a draft's lines and notes. */
export const PUT = route(
  { permission: "inventory.manage", params, body: updatePurchaseOrderSchema.omit({ id: true }) },
  async ({ ctx, params, body }) => updatePurchaseOrder(ctx, { ...body, id: params.id }),
);
