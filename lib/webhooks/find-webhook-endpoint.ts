import "server-only";
import type { Db, Tx } from "../db";
import { notFound } from "../errors";

/** This location's endpoint, or 404 (another location's id is not found). */
export async function findWebhookEndpoint(client: Tx | Db, locationId: string, webhookId: string) {
  const endpoint = await client.webhookEndpoint.findFirst({
    where: { id: webhookId, locationId },
    select: { id: true, url: true, active: true, events: true, description: true },
  });
  if (!endpoint) throw notFound("Webhook");
  return endpoint;
}
