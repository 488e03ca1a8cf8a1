import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { updateDiscountReason } from "@/lib/locations/save-discount-reason";
import { updateDiscountReasonFieldsSchema } from "@/lib/locations/payment-settings";

const params = z.object({ id: idSchema });

/** PATCH /api/v1/discount-reasons/:id { name?, comp?, move?: up|down, archived? } → the reason. */
export const PATCH = route(
  { permission: "payments.setup", params, body: updateDiscountReasonFieldsSchema },
  async ({ ctx, params, body }) => updateDiscountReason(ctx, { ...body, id: params.id }),
);
