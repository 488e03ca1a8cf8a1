import { z } from "zod";
import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { idSchema } from "@/lib/validation";
import { getPurchaseOrder } from "@/lib/inventory/get-purchase-order";
import { updatePurchaseOrder, updatePurchaseOrderSchema } from "@/lib/inventory/update-purchase-order";

const params = z.object({ id: idSchema });

export const GET = route({ roles: MANAGERS, params }, async ({ ctx, params }) => getPurchaseOrder(ctx, params.id));

/** PUT replaces a draft's lines and notes. */
export const PUT = route(
  { roles: MANAGERS, params, body: updatePurchaseOrderSchema.omit({ id: true }) },
  async ({ ctx, params, body }) => updatePurchaseOrder(ctx, { ...body, id: params.id }),
);
