import { z } from "zod";
import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { idSchema } from "@/lib/validation";
import { receivePurchaseOrder, receivePurchaseOrderSchema } from "@/lib/inventory/receive-purchase-order";

/** POST { lines?: [{ lineId, quantity (purchase units), unitCostCents? }] }; no lines = everything outstanding. */
export const POST = route(
  { roles: MANAGERS, params: z.object({ id: idSchema }), body: receivePurchaseOrderSchema.omit({ id: true }) },
  async ({ ctx, params, body }) => receivePurchaseOrder(ctx, { ...body, id: params.id }),
);
