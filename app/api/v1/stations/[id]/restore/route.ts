import { z } from "zod";
import { route } from "@/lib/http/route";
import { archiveStation } from "@/lib/kitchen/archive-station";
import { idSchema } from "@/lib/validation";

export const POST = route({ permission: "setup.manage", params: z.object({ id: idSchema }) }, async ({ ctx, params }) =>
  archiveStation(ctx, { id: params.id, archived: false }),
);
