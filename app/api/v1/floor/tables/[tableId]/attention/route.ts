import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";

import { flagTable } from "@/lib/tables/flag-table";

/** POST /api/v1/floor/tables/:tableId/attention { attention: boolean } */
export const POST = route(
  { permission: "orders.take", params: z.object({ tableId: idSchema }), body: z.object({ attention: z.boolean() }) },
  async ({ ctx, params, body }) => flagTable(ctx, { tableId: params.tableId, attention: body.attention }),
);
