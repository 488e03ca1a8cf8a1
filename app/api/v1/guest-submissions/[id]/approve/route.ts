import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { approveGuestSubmission } from "@/lib/guest/decide-guest-submission";

/** POST /api/v1/guest-submissions/:id/approve — sends a pending guest order to the kitchen → { orderId, orderNumber }. */
export const POST = route({ permission: "orders.take", params: z.object({ id: idSchema }) }, async ({ ctx, params }) =>
  approveGuestSubmission(ctx, { submissionId: params.id }),
);
