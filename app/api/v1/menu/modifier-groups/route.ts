import { route } from "@/lib/http/route";

import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { saveModifierGroup, saveModifierGroupSchema } from "@/lib/menu/save-modifier-group";

export const GET = route({ permission: "menu.edit" }, async ({ ctx }) => ({
  modifierGroups: (await getMenuAdmin(ctx)).modifierGroups,
}));

export const POST = route(
  { permission: "menu.edit", body: saveModifierGroupSchema },
  async ({ ctx, body }) => saveModifierGroup(ctx, { ...body, id: undefined }),
  201,
);
