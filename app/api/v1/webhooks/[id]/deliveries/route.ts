import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { listDeliveriesQuerySchema } from "@/lib/webhooks/schemas";

/** GET /api/v1/webhooks/:id/deliveries?limit=25 — the endpoint's latest deliveries, newest first. */
export const GET = route(
  { permission: "webhooks.manage", params: z.object({ id: idSchema }), query: listDeliveriesQuerySchema },
  async ({ ctx, params, query }) => ({
    deliveries: await listWebhookDeliveries(ctx, { webhookId: params.id, limit: query.limit }),
  }),
);
