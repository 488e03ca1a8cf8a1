import { z } from "zod";
import { route } from "@/lib/http/route";
import { archiveArea } from "@/lib/tables/archive-area";
import { idSchema } from "@/lib/validation";

export const POST = route({ permission: "setup.manage", params: z.object({ id: idSchema }) }, async ({ ctx, params }) =>
  archiveArea(ctx, { id: params.id, archived: false }),
);
