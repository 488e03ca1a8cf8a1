import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { transferCheckSchema } from "@/lib/checks/schemas";
import { transferCheck } from "@/lib/checks/transfer-check";

/** POST /api/v1/checks/:checkId/transfer { toTableId } — one check and its items to another table. */
export const POST = route(
  {
    permission: "checks.manage",
    params: z.object({ checkId: idSchema }),
    body: transferCheckSchema.omit({ checkId: true }),
  },
  async ({ ctx, params, body }) => transferCheck(ctx, { ...body, checkId: params.checkId }),
);
