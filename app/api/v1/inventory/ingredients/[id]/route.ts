import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { getIngredient } from "@/lib/inventory/get-ingredient";
import { updateIngredient } from "@/lib/inventory/update-ingredient";
import { archiveIngredient } from "@/lib/inventory/archive-ingredient";
import { ingredientFieldsSchema } from "@/lib/inventory/ingredient-fields";

const params = z.object({ id: idSchema });

export const GET = route({ permission: "inventory.manage", params }, async ({ ctx, params }) =>
  getIngredient(ctx, params.id),
);

export const PUT = route(
  { permission: "inventory.manage", params, body: ingredientFieldsSchema },
  async ({ ctx, params, body }) => updateIngredient(ctx, { id: params.id, fields: body }),
);

/** DELETE archives (the ledger keeps referring to it); refused while recipes use it. */
export const DELETE = route({ permission: "inventory.manage", params }, async ({ ctx, params }) =>
  archiveIngredient(ctx, { id: params.id }),
);
