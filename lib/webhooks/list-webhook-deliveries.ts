import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { parseInput } from "../validation";
import { findWebhookEndpoint } from "./find-webhook-endpoint";
import { idSchema } from "../validation";
import { listDeliveriesQuerySchema } from "./schemas";
import { z } from "zod";

const listDeliveriesSchema = listDeliveriesQuerySchema.extend({ webhookId: idSchema });

/** The endpoint's latest deliveries, newest first, with their payload and the last attempt's outcome. */
export async function listWebhookDeliveries(ctx: Ctx, raw: z.input<typeof listDeliveriesSchema>) {
  assertCan(ctx, "webhooks.manage");
  const { webhookId, limit } = parseInput(listDeliveriesSchema, raw);
  const endpoint = await findWebhookEndpoint(db, ctx.locationId, webhookId);
  return db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id },
    select: {
      id: true,
      eventId: true,
      eventType: true,
      payload: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastAttemptAt: true,
      lastStatusCode: true,
      lastError: true,
      responseExcerpt: true,
      lastDurationMs: true,
      redeliveryOfId: true,
      createdAt: true,
      deliveredAt: true,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}
