import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { assertPublicUrl } from "./assert-public-url";
import { findWebhookEndpoint } from "./find-webhook-endpoint";
import { ENDPOINT_SELECT } from "./list-webhook-endpoints";
import { updateWebhookSchema, type UpdateWebhookInput } from "./schemas";

/** Change the URL, description or events, or enable/disable. Enabling clears the failure count. */
export async function updateWebhookEndpoint(ctx: Ctx, raw: UpdateWebhookInput) {
  assertCan(ctx, "webhooks.manage");
  const { webhookId, ...fields } = parseInput(updateWebhookSchema, raw);
  if (fields.url !== undefined) await assertPublicUrl(fields.url);
  return db.$transaction(async (tx) => {
    const before = await findWebhookEndpoint(tx, ctx.locationId, webhookId);
    const enabling = fields.active === true && !before.active;
    const updated = await tx.webhookEndpoint.update({
      where: { id: before.id },
      data: {
        ...fields,
        ...(fields.events ? { events: [...new Set(fields.events)] } : {}),
        ...(enabling ? { consecutiveFailures: 0, disabledAt: null } : {}),
      },
      select: ENDPOINT_SELECT,
    });
    await auditAs(
      ctx,
      {
        action: "webhook.updated",
        entityType: "WebhookEndpoint",
        entityId: before.id,
        details: { before: { url: before.url, events: before.events, active: before.active }, changes: fields },
      },
      tx,
    );
    return updated;
  });
}
