import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";

/** POST /api/v1/webhooks/:id/test → 202 { deliveryId, eventId } — queue a `ping` event to this endpoint. */
export const POST = route(
  { permission: "webhooks.manage", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => sendTestWebhook(ctx, { webhookId: params.id }),
  202,
);
