import { route } from "@/lib/http/route";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";
import { createWebhookSchema } from "@/lib/webhooks/schemas";

/** GET /api/v1/webhooks — this location's webhook endpoints (never their secrets). */
export const GET = route({ permission: "webhooks.manage" }, async ({ ctx }) => ({
  webhooks: await listWebhookEndpoints(ctx),
}));

/**
 * POST /api/v1/webhooks { url, events: ["order.sent", …], description? } → 201 { endpoint, secret }:
 * the signing secret is in this answer only.
 */
export const POST = route(
  { permission: "webhooks.manage", body: createWebhookSchema },
  async ({ ctx, body }) => createWebhookEndpoint(ctx, body),
  201,
);
