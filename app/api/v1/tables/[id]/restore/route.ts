import { z } from "zod";
import { route } from "@/lib/http/route";
import { archiveTable } from "@/lib/tables/archive-table";
import { idSchema } from "@/lib/validation";

export const POST = route({ permission: "setup.manage", params: z.object({ id: idSchema }) }, async ({ ctx, params }) =>
  archiveTable(ctx, { id: params.id, archived: false }),
);
