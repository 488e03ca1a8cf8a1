import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { adjustStock, adjustStockSchema } from "@/lib/inventory/adjust-stock";

/** POST /api/v1/inventory/ingredients/:id/adjust { direction: ADD|REMOVE, quantity, unit?, reason } */
export const POST = route(
  {
    permission: "inventory.manage",
    params: z.object({ id: idSchema }),
    body: adjustStockSchema.omit({ ingredientId: true }),
  },
  async ({ ctx, params, body }) => adjustStock(ctx, { ...body, ingredientId: params.id }),
);
