"use server";

import { action } from "@/lib/http/action";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { deleteWebhookEndpoint } from "@/lib/webhooks/delete-webhook-endpoint";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";
import { rotateWebhookSecret } from "@/lib/webhooks/rotate-webhook-secret";
import { createWebhookSchema, deliveryIdSchema, updateWebhookSchema, webhookIdSchema } from "@/lib/webhooks/schemas";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";
import { updateWebhookEndpoint } from "@/lib/webhooks/update-webhook-endpoint";

const options = { permission: "webhooks.manage", revalidate: ["/admin/settings/webhooks"] } as const;

/** Returns the signing secret to show once; the list reloads without it. */
export const createWebhookAction = action({ ...options, input: createWebhookSchema }, async (ctx, input) => {
  const { endpoint, secret } = await createWebhookEndpoint(ctx, input);
  return { id: endpoint.id, url: endpoint.url, secret };
});

export const updateWebhookAction = action({ ...options, input: updateWebhookSchema }, async (ctx, input) => {
  const { id, active } = await updateWebhookEndpoint(ctx, input);
  return { id, active };
});

export const deleteWebhookAction = action({ ...options, input: webhookIdSchema }, async (ctx, input) =>
  deleteWebhookEndpoint(ctx, input),
);

export const rotateWebhookSecretAction = action({ ...options, input: webhookIdSchema }, async (ctx, input) =>
  rotateWebhookSecret(ctx, input),
);

export const sendTestWebhookAction = action({ ...options, input: webhookIdSchema }, async (ctx, input) =>
  sendTestWebhook(ctx, input),
);

export const redeliverWebhookAction = action({ ...options, input: deliveryIdSchema }, async (ctx, input) =>
  redeliverWebhook(ctx, input),
);
