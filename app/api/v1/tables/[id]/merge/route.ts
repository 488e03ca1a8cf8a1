import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { mergeTables } from "@/lib/tables/merge-tables";
import { mergeTablesSchema } from "@/lib/tables/arrange-schemas";

/** POST /api/v1/tables/:id/merge { tableIds } — push these tables against table :id (the primary). */
export const POST = route(
  {
    permission: "tables.arrange",
    params: z.object({ id: idSchema }),
    body: mergeTablesSchema.omit({ primaryId: true }),
  },
  async ({ ctx, params, body }) => mergeTables(ctx, { primaryId: params.id, tableIds: body.tableIds }),
);
