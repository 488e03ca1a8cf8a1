// Input schemas of the online ordering use cases (the ordering site's client pre-checks too).
import { z } from "zod";
import { idSchema, INT4_MAX, text } from "../validation";

export const onlineLineSchema = z.object({
  menuItemId: idSchema,
  quantity: z
    .number({ error: "Enter a quantity" })
    .int("Whole numbers only")
    .min(1, "At least 1")
    .max(50, "50 at most"),
  modifierIds: z.array(idSchema).max(30, "Too many options").default([]),
  notes: text().trim().max(200, "Notes: 200 characters at most").default(""),
});

export const submitOnlineOrderSchema = z.object({
  locationSlug: text("Which restaurant?").trim().min(1, "Which restaurant?").max(80),
  fulfilment: z.enum(["PICKUP", "DELIVERY"], { error: "Choose pickup or delivery" }),
  addressId: idSchema.nullable().default(null),
  lines: z.array(onlineLineSchema).min(1, "Your cart is empty").max(50, "50 lines at most"),
  /** A slot start (ISO); null or missing: as soon as possible. */
  requestedAt: z
    .string()
    .pipe(z.iso.datetime({ offset: true, error: "Use an ISO date and time, e.g. 2026-12-01T19:30:00Z" }))
    .nullable()
    .default(null),
  payment: z.enum(["CASH_ON_DELIVERY", "CARD_ON_DELIVERY", "PAY_AT_PICKUP"], { error: "Choose how you will pay" }),
  changeForCents: z
    .number()
    .int("Whole cents only")
    .min(0, "Cannot be negative")
    .max(100_000_00, "That note is too large")
    .nullable()
    .default(null),
  notes: text().trim().max(500, "Notes: 500 characters at most").default(""),
});
export type SubmitOnlineOrderInput = z.input<typeof submitOnlineOrderSchema>;
export type SubmitOnlineOrder = z.infer<typeof submitOnlineOrderSchema>;

export const trackingTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Not a tracking link");

export const locationSlugQuerySchema = z.object({
  location: text("Which restaurant?").trim().min(1, "Which restaurant?").max(80),
});

export const slotsQuerySchema = locationSlugQuerySchema.extend({
  fulfilment: z.enum(["PICKUP", "DELIVERY"]).default("PICKUP"),
  addressId: idSchema.optional(),
});

export const onlineOrderRefSchema = z.object({ orderId: idSchema });
export type OnlineOrderRefInput = z.input<typeof onlineOrderRefSchema>;

const cents = z.number().int("Whole cents").min(0, "Cannot be negative").max(INT4_MAX, "Too large");

/** Handing a pickup over; what it still owes is paid in the same step (cash or the counter's terminal). */
export const handOverSchema = onlineOrderRefSchema.extend({
  payment: z
    .object({
      tender: z.enum(["CASH", "CARD"], { error: "Cash or card" }),
      /** Cash handed over (at least what is owed; the rest is change). */
      collectedCents: cents.optional(),
      reference: text().trim().max(64, "64 characters at most").optional(),
      cardLast4: z
        .string()
        .regex(/^[0-9]{4}$/, "The last four digits of the card")
        .optional(),
      tipCents: cents.default(0),
    })
    .optional(),
});
export type HandOverInput = z.input<typeof handOverSchema>;

export const cancelOnlineOrderSchema = z.object({
  orderId: idSchema,
  reason: text("Give a reason").trim().min(1, "Give a reason").max(200, "200 characters at most"),
});
export type CancelOnlineOrderInput = z.input<typeof cancelOnlineOrderSchema>;
