import { route } from "@/lib/http/route";

import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { saveAvailabilityWindow, saveAvailabilityWindowSchema } from "@/lib/menu/save-availability-window";

export const GET = route({ permission: "menu.edit" }, async ({ ctx }) => ({
  windows: (await getMenuAdmin(ctx)).windows,
}));

export const POST = route(
  { permission: "menu.edit", body: saveAvailabilityWindowSchema },
  async ({ ctx, body }) => saveAvailabilityWindow(ctx, { ...body, id: undefined }),
  201,
);
