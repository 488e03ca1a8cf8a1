import { route } from "@/lib/http/route";

import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { createMenuItem, createMenuItemSchema } from "@/lib/menu/create-menu-item";

/** GET /api/v1/menu/items → the whole menu as the console sees it (items, categories, groups, windows). */
export const GET = route({ permission: "menu.edit" }, async ({ ctx }) => getMenuAdmin(ctx));

/** POST /api/v1/menu/items { name, categoryId, priceCents, … } */
export const POST = route(
  { permission: "menu.edit", body: createMenuItemSchema },
  async ({ ctx, body }) => createMenuItem(ctx, body),
  201,
);
