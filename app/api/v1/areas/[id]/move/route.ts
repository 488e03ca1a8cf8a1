import { z } from "zod";
import { route } from "@/lib/http/route";
import { moveArea, moveAreaSchema } from "@/lib/tables/move-area";
import { idSchema } from "@/lib/validation";

/** POST { direction: "up" | "down" } → one place earlier or later on the floor view. */
export const POST = route(
  { permission: "setup.manage", params: z.object({ id: idSchema }), body: moveAreaSchema.omit({ id: true }) },
  async ({ ctx, params, body }) => moveArea(ctx, { ...body, id: params.id }),
);
