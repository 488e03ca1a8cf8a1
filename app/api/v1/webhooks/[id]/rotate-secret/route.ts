import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";

/** POST /api/v1/webhooks/:id/rotate-secret → { id, secret } — a new signing secret, in force at once. */
export const POST = route(
  { permission: "webhooks.manage", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => rotateWebhookSecret(ctx, { webhookId: params.id }),
);
