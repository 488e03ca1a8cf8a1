import { route } from "@/lib/http/route";

import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { saveCategory, saveCategorySchema } from "@/lib/menu/save-category";

export const GET = route({ permission: "menu.edit" }, async ({ ctx }) => ({
  categories: (await getMenuAdmin(ctx)).categories,
}));

export const POST = route(
  { permission: "menu.edit", body: saveCategorySchema.omit({ id: true }) },
  async ({ ctx, body }) => saveCategory(ctx, body),
  201,
);
