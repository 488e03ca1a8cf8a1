import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { updateWebhookFieldsSchema } from "@/lib/webhooks/schemas";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

const params = z.object({ id: idSchema });

/** PATCH /api/v1/webhooks/:id { url?, events?, description?, active? } — change or enable/disable an endpoint. */
export const PATCH = route(
  { permission: "webhooks.manage", params, body: updateWebhookFieldsSchema },
  async ({ ctx, params, body }) => ({ endpoint: await updateWebhookEndpoint(ctx, { ...body, webhookId: params.id }) }),
);

/** DELETE /api/v1/webhooks/:id — remove an endpoint and its delivery log. */
export const DELETE = route({ permission: "webhooks.manage", params }, async ({ ctx, params }) =>
  deleteWebhookEndpoint(ctx, { webhookId: params.id }),
);
