import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { parseInput } from "../validation";
import { deliveryIdSchema, type DeliveryIdInput } from "./schemas";
import { kickWebhookDispatcher } from "./webhook-worker";

/**
 * Send an event again as a new delivery (same event id and body, so a receiver that already has
 * it can tell), with its own attempts and retries; the original stays in the log as it was.
 */
export async function redeliverWebhook(ctx: Ctx, raw: DeliveryIdInput): Promise<{ deliveryId: string }> {
  assertCan(ctx, "webhooks.manage");
  const { deliveryId } = parseInput(deliveryIdSchema, raw);
  const created = await db.$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, locationId: ctx.locationId },
      select: {
        id: true,
        endpointId: true,
        eventId: true,
        eventType: true,
        payload: true,
        endpoint: { select: { active: true } },
      },
    });
    if (!original) throw notFound("Delivery");
    if (!original.endpoint.active) throw new AppError("INVALID_STATE", "Enable the webhook before redelivering");
    const copy = await tx.webhookDelivery.create({
      data: {
        endpointId: original.endpointId,
        locationId: ctx.locationId,
        eventId: original.eventId,
        eventType: original.eventType,
        payload: original.payload as Prisma.InputJsonValue,
        redeliveryOfId: original.id,
      },
      select: { id: true },
    });
    await auditAs(
      ctx,
      {
        action: "webhook.redelivered",
        entityType: "WebhookDelivery",
        entityId: copy.id,
        details: { originalId: original.id, eventId: original.eventId, eventType: original.eventType },
      },
      tx,
    );
    return copy;
  });
  kickWebhookDispatcher();
  return { deliveryId: created.id };
}
