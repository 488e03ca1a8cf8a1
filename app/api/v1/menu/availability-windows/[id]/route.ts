import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { saveAvailabilityWindow, saveAvailabilityWindowSchema } from "@/lib/menu/save-availability-window";
import { deleteAvailabilityWindow } from "@/lib/menu/delete-availability-window";

const params = z.object({ id: idSchema });

export const PUT = route(
  { permission: "menu.edit", params, body: saveAvailabilityWindowSchema },
  async ({ ctx, params, body }) => saveAvailabilityWindow(ctx, { ...body, id: params.id }),
);

export const DELETE = route({ permission: "menu.edit", params }, async ({ ctx, params }) =>
  deleteAvailabilityWindow(ctx, { id: params.id }),
);
