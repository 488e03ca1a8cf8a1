import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { removeDiscount } from "@/lib/checks/remove-discount";

/** DELETE /api/v1/checks/:checkId/discounts/:discountId — take a discount off an open check. */
export const DELETE = route(
  { permission: "checks.discount", params: z.object({ checkId: idSchema, discountId: idSchema }) },
  async ({ ctx, params }) => removeDiscount(ctx, { discountId: params.discountId }),
);
