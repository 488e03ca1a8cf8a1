import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { addDiscountBodySchema } from "@/lib/checks/schemas";
import { addDiscount } from "@/lib/checks/add-discount";

/**
 * POST /api/v1/checks/:checkId/discounts { kind: PERCENT|AMOUNT, value, reasonId, orderItemId?, approval? }
 * Above the role's limit: 403 with details.approvalRequired; send a manager's { approverId, pin } as `approval`.
 */
export const POST = route(
  { permission: "checks.discount", params: z.object({ checkId: idSchema }), body: addDiscountBodySchema },
  async ({ ctx, params, body }) => addDiscount(ctx, { ...body, checkId: params.checkId }),
);
