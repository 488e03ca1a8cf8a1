import { z } from "zod";
import { idSchema, text } from "../validation";
import { notesSchema } from "../orders/schemas";

export const cartModeSchema = z.enum(["FAMILY", "INDIVIDUAL"], { error: "Choose FAMILY or INDIVIDUAL" });

export const openGuestSessionSchema = z.object({ tableId: idSchema, mode: cartModeSchema.default("FAMILY") });
export type OpenGuestSessionInput = z.input<typeof openGuestSessionSchema>;

export const closeGuestSessionSchema = z.object({ tableId: idSchema });
export type CloseGuestSessionInput = z.input<typeof closeGuestSessionSchema>;

/** The table card's token: base64url / hex, 22–64 characters. */
export const qrTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, "Not a table code");

export const joinGuestSessionSchema = z.object({
  pin: z.string({ error: "Enter the 4-digit PIN" }).regex(/^\d{4}$/, "The PIN is 4 digits"),
  nickname: text("Tell us what to call you")
    .trim()
    .min(1, "Tell us what to call you")
    .max(30, "30 characters at most")
    .regex(/^[^<>{}\\]*$/, "Letters, numbers and spaces, please"),
});
export type JoinGuestSessionInput = z.input<typeof joinGuestSessionSchema>;

export const MAX_CART_LINES = 40;

export const guestCartLineSchema = z.object({
  /** A line already in the cart keeps its id (and who added it); new lines have none. */
  id: idSchema.optional(),
  menuItemId: idSchema,
  quantity: z.number().int("Whole numbers only").min(1, "At least 1").max(20, "20 at most"),
  modifierIds: z.array(idSchema).max(30, "Too many options").default([]),
  notes: notesSchema.default(""),
});

export const putGuestCartSchema = z.object({
  /** The cart version this edit was made on (409 VERSION_CONFLICT when it is stale). */
  version: z.number({ error: "version is required" }).int().min(0),
  items: z.array(guestCartLineSchema).max(MAX_CART_LINES, `${MAX_CART_LINES} lines at most`),
});
export type PutGuestCartInput = z.input<typeof putGuestCartSchema>;

export const checkoutSchema = z.object({ action: z.enum(["start", "cancel"], { error: "start or cancel" }) });

export const guestRequestSchema = z.object({
  kind: z.enum(["CALL_SERVER", "BILL"], { error: "CALL_SERVER or BILL" }),
});

export const decideGuestSubmissionSchema = z.object({
  submissionId: idSchema,
  reason: text().trim().max(200, "200 characters at most").optional(),
});
export type DecideGuestSubmissionInput = z.input<typeof decideGuestSubmissionSchema>;

export const acknowledgeGuestRequestSchema = z.object({ requestId: idSchema });
export const listGuestSubmissionsSchema = z.object({
  status: z.enum(["PENDING_APPROVAL", "SENT", "REJECTED"]).default("PENDING_APPROVAL"),
});
