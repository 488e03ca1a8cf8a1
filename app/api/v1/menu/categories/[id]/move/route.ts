import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { moveCategory } from "@/lib/menu/move-category";

/** POST /api/v1/menu/categories/:id/move { direction: "up" | "down" } */
export const POST = route(
  {
    permission: "menu.edit",
    params: z.object({ id: idSchema }),
    body: z.object({ direction: z.enum(["up", "down"], { error: "up or down" }) }),
  },
  async ({ ctx, params, body }) => moveCategory(ctx, { id: params.id, direction: body.direction }),
);
