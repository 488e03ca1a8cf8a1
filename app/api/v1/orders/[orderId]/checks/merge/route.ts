import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { mergeChecksSchema } from "@/lib/checks/schemas";
import { mergeChecks } from "@/lib/checks/merge-checks";

/** POST /api/v1/orders/:orderId/checks/merge { fromCheckId, intoCheckId } */
export const POST = route(
  {
    permission: "checks.manage",
    params: z.object({ orderId: idSchema }),
    body: mergeChecksSchema.omit({ orderId: true }),
  },
  async ({ ctx, params, body }) => mergeChecks(ctx, { ...body, orderId: params.orderId }),
);
