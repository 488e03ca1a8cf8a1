import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { getMenuItem } from "@/lib/menu/get-menu-item";
import { updateMenuItem } from "@/lib/menu/update-menu-item";
import { archiveMenuItem } from "@/lib/menu/archive-menu-item";
import { menuItemFieldsSchema } from "@/lib/menu/menu-item-fields";

const params = z.object({ id: idSchema });

export const GET = route({ permission: "menu.edit", params }, async ({ ctx, params }) => getMenuItem(ctx, params.id));

/** PUT /api/v1/menu/items/:id { …all fields } (the whole item; the form always sends everything). */
export const PUT = route(
  { permission: "menu.edit", params, body: menuItemFieldsSchema },
  async ({ ctx, params, body }) => updateMenuItem(ctx, { id: params.id, fields: body }),
);

/** DELETE archives (past orders keep pointing at the item). */
export const DELETE = route({ permission: "menu.edit", params }, async ({ ctx, params }) =>
  archiveMenuItem(ctx, { id: params.id }),
);
