import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { clearTable } from "@/lib/tables/clear-table";

/**
 * POST /api/v1/tables/:id/clear — a table waiting to be bussed is clean and free. The segment is
 * `[id]` like its siblings: Next refuses two slug names at one level ('id' !== 'tableId').
 */
export const POST = route({ permission: "floor.use", params: z.object({ id: idSchema }) }, async ({ ctx, params }) =>
  clearTable(ctx, { tableId: params.id }),
);
