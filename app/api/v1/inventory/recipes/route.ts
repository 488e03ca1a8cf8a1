import { route } from "@/lib/http/route";

import { listRecipes } from "@/lib/inventory/list-recipes";
import { setRecipe, setRecipeSchema } from "@/lib/inventory/set-recipe";

/** GET → every item's and modifier's recipe with plate cost, food-cost % and portions left. */
export const GET = route({ permission: "inventory.manage" }, async ({ ctx }) => listRecipes(ctx));

/** PUT { menuItemId | modifierId, lines: [{ ingredientId, quantity, unit? }] } replaces the recipe. */
export const PUT = route({ permission: "inventory.manage", body: setRecipeSchema }, async ({ ctx, body }) =>
  setRecipe(ctx, body),
);
