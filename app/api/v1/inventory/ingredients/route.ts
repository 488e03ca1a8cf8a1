import { route } from "@/lib/http/route";

import { listIngredients } from "@/lib/inventory/list-ingredients";
import { createIngredient, createIngredientSchema } from "@/lib/inventory/create-ingredient";

/** GET /api/v1/inventory/ingredients → ingredients with on-hand stock, value, low flag, reorder suggestion. */
export const GET = route({ permission: "inventory.manage" }, async ({ ctx }) => ({
  ingredients: await listIngredients(ctx),
}));

export const POST = route(
  { permission: "inventory.manage", body: createIngredientSchema },
  async ({ ctx, body }) => createIngredient(ctx, body),
  201,
);
