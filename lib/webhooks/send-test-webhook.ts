import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { db } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { PING_EVENT, type WebhookPayload } from "./events";
import { newEventId } from "./emit-webhook-event";
import { findWebhookEndpoint } from "./find-webhook-endpoint";
import { webhookIdSchema, type WebhookIdInput } from "./schemas";
import { kickWebhookDispatcher } from "./webhook-worker";

/** Queue a `ping` event to this endpoint only (whatever it subscribed to), sent at once. */
export async function sendTestWebhook(ctx: Ctx, raw: WebhookIdInput): Promise<{ deliveryId: string; eventId: string }> {
  assertCan(ctx, "webhooks.manage");
  const { webhookId } = parseInput(webhookIdSchema, raw);
  const endpoint = await findWebhookEndpoint(db, ctx.locationId, webhookId);
  if (!endpoint.active) throw new AppError("INVALID_STATE", "Enable the webhook before sending it a test event");
  const payload: WebhookPayload = {
    id: newEventId(),
    type: PING_EVENT,
    createdAt: new Date().toISOString(),
    locationId: ctx.locationId,
    data: { message: "Test event from the admin console", webhookId: endpoint.id },
  };
  const delivery = await db.webhookDelivery.create({
    data: {
      endpointId: endpoint.id,
      locationId: ctx.locationId,
      eventId: payload.id,
      eventType: payload.type,
      payload: payload as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  kickWebhookDispatcher();
  return { deliveryId: delivery.id, eventId: payload.id };
}
