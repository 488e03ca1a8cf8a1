import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Db, type Tx } from "../db";
import { log } from "../log";
import type { WebhookEventType, WebhookPayload } from "./events";
import { kickWebhookDispatcher } from "./webhook-worker";

export function newEventId(): string {
  return `evt_${randomUUID().replaceAll("-", "")}`;
}

/**
 * The outbox: one INSERT … SELECT adds a delivery of this event for every active endpoint of the
 * location subscribed to it (nothing at a location without one). Pass the caller's transaction to
 * emit with the change itself (the deliveries exist only if it commits; the caller kicks the
 * dispatcher after commit); outside one the dispatcher is kicked here. Returns the deliveries made.
 */
export async function emitWebhookEvent(
  client: Tx | Db,
  event: { locationId: string; type: WebhookEventType; data: Record<string, unknown> },
): Promise<number> {
  const payload: WebhookPayload = {
    id: newEventId(),
    type: event.type,
    createdAt: new Date().toISOString(),
    locationId: event.locationId,
    data: event.data,
  };
  const made = await client.$executeRaw`
    INSERT INTO "WebhookDelivery" (id, "endpointId", "locationId", "eventId", "eventType", payload)
    SELECT 'wd' || replace(gen_random_uuid()::text, '-', ''), e.id, e."locationId", ${payload.id}, ${payload.type},
           ${JSON.stringify(payload)}::jsonb
      FROM "WebhookEndpoint" e
     WHERE e."locationId" = ${event.locationId} AND e.active AND ${event.type} = ANY(e.events)`;
  if (made > 0 && typeof (client as Partial<Db>).$transaction === "function") kickWebhookDispatcher();
  return made;
}

/** After commit, for hints that have no transaction of their own (menu, stock): never throws. */
export function emitAfterCommit(event: Parameters<typeof emitWebhookEvent>[1]): Promise<void> {
  return emitWebhookEvent(db, event).then(
    () => undefined,
    (error) => log.error("webhook event not recorded", { type: event.type, locationId: event.locationId, error }),
  );
}
