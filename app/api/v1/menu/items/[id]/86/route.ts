import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { setMenuItem86 } from "@/lib/menu/set-menu-item-86";

const params = z.object({ id: idSchema });

/** POST /api/v1/menu/items/:id/86 → 86 the item (MANUAL). Managers and chefs. */
export const POST = route({ permission: "menu.86", params }, async ({ ctx, params }) =>
  setMenuItem86(ctx, { id: params.id, eightySixed: true }),
);

/** DELETE /api/v1/menu/items/:id/86 → back on the menu. */
export const DELETE = route({ permission: "menu.86", params }, async ({ ctx, params }) =>
  setMenuItem86(ctx, { id: params.id, eightySixed: false }),
);
