import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { findWebhookEndpoint } from "./find-webhook-endpoint";
import { webhookIdSchema, type WebhookIdInput } from "./schemas";

/** Remove an endpoint and its delivery log; queued deliveries are never sent. */
export async function deleteWebhookEndpoint(ctx: Ctx, raw: WebhookIdInput): Promise<{ id: string }> {
  assertCan(ctx, "webhooks.manage");
  const { webhookId } = parseInput(webhookIdSchema, raw);
  return db.$transaction(async (tx) => {
    const endpoint = await findWebhookEndpoint(tx, ctx.locationId, webhookId);
    await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    await auditAs(
      ctx,
      {
        action: "webhook.deleted",
        entityType: "WebhookEndpoint",
        entityId: endpoint.id,
        details: { url: endpoint.url },
      },
      tx,
    );
    return { id: endpoint.id };
  });
}
