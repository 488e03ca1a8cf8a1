import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { saveModifierGroup, saveModifierGroupSchema } from "@/lib/menu/save-modifier-group";
import { deleteModifierGroup } from "@/lib/menu/delete-modifier-group";

const params = z.object({ id: idSchema });

export const PUT = route(
  { permission: "menu.edit", params, body: saveModifierGroupSchema },
  async ({ ctx, params, body }) => saveModifierGroup(ctx, { ...body, id: params.id }),
);

export const DELETE = route({ permission: "menu.edit", params }, async ({ ctx, params }) =>
  deleteModifierGroup(ctx, { id: params.id }),
);
