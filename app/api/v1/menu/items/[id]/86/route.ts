import { z } from "zod";
import { route } from "@/lib/http/route";
import { KITCHEN_STAFF } from "@/lib/auth/roles";
import { idSchema } from "@/lib/validation";
import { setMenuItem86 } from "@/lib/menu/set-menu-item-86";

const params = z.object({ id: idSchema });

/** POST /api/v1/menu/items/:id/86 → 86 the item (MANUAL). Managers and chefs. */
export const POST = route({ roles: KITCHEN_STAFF, params }, async ({ ctx, params }) =>
  setMenuItem86(ctx, { id: params.id, eightySixed: true }),
);

/** DELETE /api/v1/menu/items/:id/86 → back on the menu. */
export const DELETE = route({ roles: KITCHEN_STAFF, params }, async ({ ctx, params }) =>
  setMenuItem86(ctx, { id: params.id, eightySixed: false }),
);
