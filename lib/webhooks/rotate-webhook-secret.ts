import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { findWebhookEndpoint } from "./find-webhook-endpoint";
import { webhookIdSchema, type WebhookIdInput } from "./schemas";
import { newWebhookSecret } from "./webhook-secret";

/** A new signing secret, in force at once (the next attempt is signed with it); shown in this answer only. */
export async function rotateWebhookSecret(ctx: Ctx, raw: WebhookIdInput): Promise<{ id: string; secret: string }> {
  assertCan(ctx, "webhooks.manage");
  const { webhookId } = parseInput(webhookIdSchema, raw);
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await findWebhookEndpoint(tx, ctx.locationId, webhookId);
    await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret } });
    await auditAs(
      ctx,
      {
        action: "webhook.secret_rotated",
        entityType: "WebhookEndpoint",
        entityId: endpoint.id,
        details: { url: endpoint.url },
      },
      tx,
    );
    return { id: endpoint.id, secret };
  });
}
