import { route } from "@/lib/http/route";
import { markFailed } from "@/lib/driver/mark-failed";
import { failedSchema, orderIdSchema } from "@/lib/driver/schemas";

// POST { reason: REFUSED | NO_ANSWER | WRONG_ADDRESS | OTHER, note? } — the delivery failed; a
// refused or unanswered cash order counts against the customer.
export const POST = route(
  { permission: "delivery.drive", params: orderIdSchema, body: failedSchema },
  async ({ ctx, params, body }) => markFailed(ctx, { ...body, orderId: params.orderId }),
);
