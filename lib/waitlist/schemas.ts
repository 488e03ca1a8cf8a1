// Inputs of the waitlist use cases, shared by /api/v1/waitlist and the host stand's actions.
import { z } from "zod";
import { partySizeSchema } from "../reservations/schemas";
import { idSchema, text } from "../validation";

const notesSchema = text().trim().max(300, "Notes: 300 characters at most");

const tableIdsSchema = z
  .array(idSchema)
  .max(3, "At most 3 tables together")
  .refine((ids) => new Set(ids).size === ids.length, "A table is listed twice");

export const addWaitlistEntrySchema = z.object({
  guestName: text("Enter the guest's name")
    .trim()
    .min(1, "Enter the guest's name")
    .max(80, "Name: 80 characters at most"),
  partySize: partySizeSchema,
  /** Any format the location's country reads; stored in E.164 on the guest. */
  phone: text().trim().max(32, "Not a phone number").optional(),
  notes: notesSchema.default(""),
});
export type AddWaitlistEntryInput = z.input<typeof addWaitlistEntrySchema>;

export const listWaitlistSchema = z.object({
  /** Also quote a party of this size joining now (the "Add walk-in" form's preview). */
  partySize: partySizeSchema.optional(),
});
export type ListWaitlistInput = z.input<typeof listWaitlistSchema>;

export const waitlistIdSchema = z.object({ id: idSchema });
export type WaitlistIdInput = z.input<typeof waitlistIdSchema>;

export const seatWaitlistEntrySchema = waitlistIdSchema.extend({
  /** Default: the best-fitting table or adjacent combination free now (none free: 409). */
  tableIds: tableIdsSchema.optional(),
});
export type SeatWaitlistEntryInput = z.input<typeof seatWaitlistEntrySchema>;

export const updateWaitlistEntrySchema = waitlistIdSchema.extend({
  partySize: partySizeSchema.optional(),
  notes: notesSchema.optional(),
  /** Quote again from the floor as it is now (the party asks "how much longer?"). */
  requote: z.boolean().optional(),
});
export type UpdateWaitlistEntryInput = z.input<typeof updateWaitlistEntrySchema>;

/** PATCH /api/v1/waitlist/:id: a status change (NOTIFIED, SEATED with tables, LEFT) or an edit — not both. */
export const patchWaitlistEntrySchema = z
  .object({
    status: z.enum(["NOTIFIED", "SEATED", "LEFT"], { error: "Status is NOTIFIED, SEATED or LEFT" }).optional(),
    tableIds: tableIdsSchema.optional(),
    partySize: partySizeSchema.optional(),
    notes: notesSchema.optional(),
    requote: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    const edits = v.partySize !== undefined || v.notes !== undefined || v.requote !== undefined;
    if (v.status && edits)
      ctx.addIssue({ code: "custom", path: ["status"], message: "Change the status or the entry, not both at once" });
    if (v.tableIds && v.status !== "SEATED")
      ctx.addIssue({ code: "custom", path: ["tableIds"], message: "Tables are given only when seating" });
    if (!v.status && !edits) ctx.addIssue({ code: "custom", path: ["_root"], message: "Nothing to change" });
  });

/** The status link's token (base64url, 32 characters). */
export const waitTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/, "Not a status link");
