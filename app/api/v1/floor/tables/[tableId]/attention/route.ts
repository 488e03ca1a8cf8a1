import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { ORDER_TAKERS } from "@/lib/orders/permissions";
import { flagTable } from "@/lib/tables/flag-table";

/** POST /api/v1/floor/tables/:tableId/attention { attention: boolean } */
export const POST = route(
  { roles: ORDER_TAKERS, params: z.object({ tableId: idSchema }), body: z.object({ attention: z.boolean() }) },
  async ({ ctx, params, body }) => flagTable(ctx, { tableId: params.tableId, attention: body.attention }),
);
