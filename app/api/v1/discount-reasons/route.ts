import { z } from "zod";
import { route } from "@/lib/http/route";

import { listDiscountReasons } from "@/lib/locations/get-payment-settings";
import { createDiscountReason } from "@/lib/locations/save-discount-reason";
import { createDiscountReasonSchema } from "@/lib/locations/payment-settings";

const query = z.object({ archived: z.enum(["include", "exclude"]).optional() });

/** GET /api/v1/discount-reasons → the active reasons in order (?archived=include: all, for setup). */
export const GET = route({ permission: "checks.discount", query }, async ({ ctx, query }) => ({
  reasons: await listDiscountReasons(ctx, { includeArchived: query.archived === "include" }),
}));

/** POST /api/v1/discount-reasons { name, comp? } → the reason (201). */
export const POST = route(
  { permission: "payments.setup", body: createDiscountReasonSchema },
  async ({ ctx, body }) => createDiscountReason(ctx, body),
  201,
);
