import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { partTables } from "@/lib/tables/part-tables";

/** POST /api/v1/tables/:id/part — pull apart the group table :id belongs to. */
export const POST = route(
  { permission: "tables.arrange", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => partTables(ctx, { tableId: params.id }),
);
