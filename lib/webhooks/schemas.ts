import { z } from "zod";
import { idSchema, text } from "../validation";
import { WEBHOOK_EVENTS } from "./events";
import { webhookUrlSchema } from "./url-policy";

const eventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS, { error: "Unknown event" }))
  .min(1, "Choose at least one event")
  .max(WEBHOOK_EVENTS.length);
const descriptionSchema = text().trim().max(200, "200 characters at most");

export const createWebhookSchema = z.object({
  url: webhookUrlSchema,
  description: descriptionSchema.default(""),
  events: eventsSchema,
});
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

/** Only the fields sent change; `active: true` also clears a disable after failures. */
export const updateWebhookFieldsSchema = z.object({
  url: webhookUrlSchema.optional(),
  description: descriptionSchema.optional(),
  events: eventsSchema.optional(),
  active: z.boolean({ error: "true or false" }).optional(),
});
export const updateWebhookSchema = updateWebhookFieldsSchema.extend({ webhookId: idSchema });
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;

export const webhookIdSchema = z.object({ webhookId: idSchema });
export type WebhookIdInput = z.input<typeof webhookIdSchema>;

export const deliveryIdSchema = z.object({ deliveryId: idSchema });
export type DeliveryIdInput = z.input<typeof deliveryIdSchema>;

export const listDeliveriesQuerySchema = z.object({
  limit: z.coerce.number().int("Whole number").min(1, "At least 1").max(100, "100 at most").default(25),
});
