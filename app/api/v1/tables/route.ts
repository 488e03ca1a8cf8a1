import { z } from "zod";
import { route } from "@/lib/http/route";
import { createTable } from "@/lib/tables/create-table";
import { listTables } from "@/lib/tables/list-tables";
import { createTableSchema } from "@/lib/tables/table-fields";
import { idSchema } from "@/lib/validation";

const query = z.object({
  areaId: idSchema.optional(),
  includeArchived: z.enum(["true", "false"]).optional(),
});

export const GET = route({ permission: "setup.manage", query }, async ({ ctx, query }) => ({
  tables: await listTables(ctx, { areaId: query.areaId, includeArchived: query.includeArchived === "true" }),
}));

export const POST = route(
  { permission: "setup.manage", body: createTableSchema },
  async ({ ctx, body }) => createTable(ctx, body),
  201,
);
