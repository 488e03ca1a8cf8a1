import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { clearTable } from "@/lib/tables/clear-table";

/** POST /api/v1/tables/:tableId/clear — a table waiting to be bussed is clean and free. */
export const POST = route(
  { permission: "floor.use", params: z.object({ tableId: idSchema }) },
  async ({ ctx, params }) => clearTable(ctx, params),
);
