import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { getIngredientLedger } from "@/lib/inventory/get-ingredient-ledger";

/** GET /api/v1/inventory/ingredients/:id/ledger?after=<movementId>&limit=100 → movements, newest first. */
export const GET = route(
  {
    permission: "inventory.manage",
    params: z.object({ id: idSchema }),
    query: z.object({ after: idSchema.optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
  },
  async ({ ctx, params, query }) =>
    getIngredientLedger(ctx, { ingredientId: params.id, after: query.after, limit: query.limit }),
);
