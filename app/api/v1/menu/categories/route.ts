import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { saveCategory, saveCategorySchema } from "@/lib/menu/save-category";

export const GET = route({ roles: MANAGERS }, async ({ ctx }) => ({
  categories: (await getMenuAdmin(ctx)).categories,
}));

export const POST = route(
  { roles: MANAGERS, body: saveCategorySchema.omit({ id: true }) },
  async ({ ctx, body }) => saveCategory(ctx, body),
  201,
);
