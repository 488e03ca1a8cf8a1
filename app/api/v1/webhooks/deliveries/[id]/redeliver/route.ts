import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";

/** POST /api/v1/webhooks/deliveries/:id/redeliver → 202 { deliveryId } — send the event again as a new delivery. */
export const POST = route(
  { permission: "webhooks.manage", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => redeliverWebhook(ctx, { deliveryId: params.id }),
  202,
);
