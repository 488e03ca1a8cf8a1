import { z } from "zod";
import { route } from "@/lib/http/route";
import { acceptPrepTime } from "@/lib/reports/learned-prep-times";
import { idSchema } from "@/lib/validation";

/** PUT /api/v1/menu/items/:id/prep-time { minutes } — set the dish's prep target (e.g. a learned one). */
export const PUT = route(
  {
    permission: "menu.edit",
    params: z.object({ id: idSchema }),
    body: z.object({ minutes: z.number({ error: "Minutes are required" }) }),
  },
  ({ ctx, params, body }) => acceptPrepTime(ctx, { menuItemId: params.id, minutes: body.minutes }),
);
