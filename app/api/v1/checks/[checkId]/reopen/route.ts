import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { reopenCheckSchema } from "@/lib/checks/schemas";
import { reopenCheck } from "@/lib/checks/reopen-check";

/** POST /api/v1/checks/:checkId/reopen { reason, approval? } — a manager reopens a paid check. */
export const POST = route(
  {
    permission: "payments.take",
    params: z.object({ checkId: idSchema }),
    body: reopenCheckSchema.omit({ checkId: true }),
  },
  async ({ ctx, params, body }) => reopenCheck(ctx, { ...body, checkId: params.checkId }),
);
