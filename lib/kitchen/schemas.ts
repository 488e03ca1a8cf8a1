import { z } from "zod";
import { idSchema, INT4_MAX, text } from "../validation";

export const stationSlugSchema = text("Choose a station")
  .min(1, "Choose a station")
  .max(64)
  .regex(/^[a-z0-9-]+$/, "Not a station slug");

/** The board shows a bounded page of tickets, oldest first (issue 7 item 18). */
export const SNAPSHOT_PAGE_SIZE = 30;

export const snapshotQuerySchema = z.object({
  station: stationSlugSchema,
  /** Tickets to skip (oldest first): where the screen's current page starts. */
  offset: z.coerce.number({ error: "offset must be a number" }).int().min(0).max(100_000).default(0),
  limit: z.coerce.number({ error: "limit must be a number" }).int().min(1).max(60).default(SNAPSHOT_PAGE_SIZE),
});
export type SnapshotQueryInput = z.input<typeof snapshotQuerySchema>;

export const eventsQuerySchema = z.object({
  after: z.coerce
    .number({ error: "after must be a number" })
    .int()
    .min(0, "after must be 0 or more")
    .max(INT4_MAX, "after is past any event"),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const bumpItemsSchema = z.object({
  station: stationSlugSchema,
  /** When given (the API's /orders/:id/bump), every item must belong to this order. */
  orderId: idSchema.optional(),
  orderItemIds: z.array(idSchema).min(1, "Choose at least one item").max(100),
});
export type BumpItemsInput = z.input<typeof bumpItemsSchema>;

export const recallSchema = z.object({
  station: stationSlugSchema,
  /** "orderId:fireBatch" to recall a particular ticket; default the latest bumped. */
  ticket: text()
    .regex(/^[A-Za-z0-9_-]{1,64}:\d{1,6}$/, "Not a ticket")
    .optional(),
});
export type RecallInput = z.input<typeof recallSchema>;

export const ticketReadySchema = z.object({
  orderId: idSchema,
  fireBatch: z.number().int().min(1).max(INT4_MAX, "Not a ticket"),
});
export type TicketReadyInput = z.input<typeof ticketReadySchema>;
