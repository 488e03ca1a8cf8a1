import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { saveModifierGroup, saveModifierGroupSchema } from "@/lib/menu/save-modifier-group";

export const GET = route({ roles: MANAGERS }, async ({ ctx }) => ({
  modifierGroups: (await getMenuAdmin(ctx)).modifierGroups,
}));

export const POST = route(
  { roles: MANAGERS, body: saveModifierGroupSchema },
  async ({ ctx, body }) => saveModifierGroup(ctx, { ...body, id: undefined }),
  201,
);
