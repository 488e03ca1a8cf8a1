import "server-only";
import type { Ctx } from "../auth/context";
import { assertCan } from "../auth/permissions";
import { auditAs } from "../audit/record-audit";
import { db } from "../db";
import { parseInput } from "../validation";
import { assertPublicUrl } from "./assert-public-url";
import { createWebhookSchema, type CreateWebhookInput } from "./schemas";
import { ENDPOINT_SELECT } from "./list-webhook-endpoints";
import { newWebhookSecret } from "./webhook-secret";

/** Subscribe a URL to events of this location. The signing secret is in this answer only. */
export async function createWebhookEndpoint(ctx: Ctx, raw: CreateWebhookInput) {
  assertCan(ctx, "webhooks.manage");
  const input = parseInput(createWebhookSchema, raw);
  await assertPublicUrl(input.url);
  const secret = newWebhookSecret();
  const events = [...new Set(input.events)];
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: {
        locationId: ctx.locationId,
        url: input.url,
        description: input.description,
        events,
        secret,
        createdById: ctx.userId,
      },
      select: ENDPOINT_SELECT,
    });
    await auditAs(
      ctx,
      {
        action: "webhook.created",
        entityType: "WebhookEndpoint",
        entityId: created.id,
        details: { url: input.url, events },
      },
      tx,
    );
    return created;
  });
  return { endpoint, secret };
}
