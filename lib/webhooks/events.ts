// The events an integration can subscribe to (ADR 0042). No server-only import: the console's
// endpoint form lists them.

export const WEBHOOK_EVENTS = ["order.sent", "order.ready", "order.paid", "stock.low", "menu.changed"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Sent only by "Send test event", to one endpoint, whatever it subscribed to. */
export const PING_EVENT = "ping";

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "order.sent": "Items were sent to the kitchen",
  "order.ready": "The whole order is ready at the pass",
  "order.paid": "Every check of the order is paid",
  "stock.low": "Ingredients fell to their reorder point",
  "menu.changed": "Menu items changed (price, 86, edits)",
};

/** The body every delivery POSTs: the event, never guest contact data. */
export type WebhookPayload = {
  id: string;
  type: WebhookEventType | typeof PING_EVENT;
  createdAt: string;
  locationId: string;
  data: Record<string, unknown>;
};
