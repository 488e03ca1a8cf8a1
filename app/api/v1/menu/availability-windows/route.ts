import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { getMenuAdmin } from "@/lib/menu/get-menu-admin";
import { saveAvailabilityWindow, saveAvailabilityWindowSchema } from "@/lib/menu/save-availability-window";

export const GET = route({ roles: MANAGERS }, async ({ ctx }) => ({ windows: (await getMenuAdmin(ctx)).windows }));

export const POST = route(
  { roles: MANAGERS, body: saveAvailabilityWindowSchema },
  async ({ ctx, body }) => saveAvailabilityWindow(ctx, { ...body, id: undefined }),
  201,
);
