import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { saveCategory, saveCategorySchema } from "@/lib/menu/save-category";
import { deleteCategory } from "@/lib/menu/delete-category";

const params = z.object({ id: idSchema });

export const PUT = route(
  { permission: "menu.edit", params, body: saveCategorySchema.omit({ id: true }) },
  async ({ ctx, params, body }) => saveCategory(ctx, { ...body, id: params.id }),
);

export const DELETE = route({ permission: "menu.edit", params }, async ({ ctx, params }) =>
  deleteCategory(ctx, { id: params.id }),
);
