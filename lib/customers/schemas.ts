import { z } from "zod";
import { idSchema, text } from "../validation";

export const locationSlugSchema = text("Which restaurant?")
  .min(1, "Which restaurant?")
  .max(80, "Not a restaurant")
  .regex(/^[a-z0-9-]+$/, "Not a restaurant");

const phoneSchema = text("Enter your phone number").trim().min(3, "Enter your phone number").max(32, "Too long");

export const requestOtpSchema = z.object({ locationSlug: locationSlugSchema, phone: phoneSchema });
export type RequestOtpInput = z.input<typeof requestOtpSchema>;

export const firstNameSchema = text("Enter your first name")
  .trim()
  .min(1, "Enter your first name")
  .max(60, "At most 60 characters");

export const verifyOtpSchema = z.object({
  locationSlug: locationSlugSchema,
  phone: phoneSchema,
  code: text("Enter the code")
    .trim()
    .regex(/^\d{6}$/, "The code is 6 digits"),
  firstName: firstNameSchema.optional(),
});
export type VerifyOtpInput = z.input<typeof verifyOtpSchema>;

export const sessionQuerySchema = z.object({ locationSlug: locationSlugSchema.optional() });

export const MAX_ADDRESSES = 10;

const optionalText = (max: number, what: string) =>
  text()
    .trim()
    .max(max, `${what}: at most ${max} characters`)
    .nullish()
    .transform((v) => v || null);

export const saveAddressSchema = z.object({
  label: text()
    .trim()
    .max(40, "At most 40 characters")
    .optional()
    .transform((v) => v ?? ""),
  street: text("Enter the street and number").trim().min(3, "Enter the street and number").max(200, "Too long"),
  unit: optionalText(60, "Flat or unit"),
  notes: optionalText(300, "Notes for the driver"),
  latitude: z
    .number({ error: "Enter the latitude as a number" })
    .min(-90, "Latitude is between -90 and 90")
    .max(90, "Latitude is between -90 and 90"),
  longitude: z
    .number({ error: "Enter the longitude as a number" })
    .min(-180, "Longitude is between -180 and 180")
    .max(180, "Longitude is between -180 and 180"),
});
export type SaveAddressInput = z.input<typeof saveAddressSchema>;

export const addressIdSchema = z.object({ id: idSchema });
export type AddressIdInput = z.input<typeof addressIdSchema>;

export const customerIdSchema = z.object({ id: idSchema });
export type CustomerIdInput = z.input<typeof customerIdSchema>;

const reasonSchema = text("Say why")
  .trim()
  .min(3, "Say why (at least 3 characters)")
  .max(500, "At most 500 characters");
const untilSchema = text()
  .max(40, "Not a date and time")
  .pipe(z.iso.datetime({ offset: true, error: "Use an ISO date and time, e.g. 2026-12-31T23:59:00Z" }))
  .nullish();

export const blockCustomerSchema = z.object({ reason: reasonSchema, until: untilSchema });
export type BlockCustomerInput = z.input<typeof blockCustomerSchema>;

export const blockPhoneSchema = z.object({ phone: phoneSchema, reason: reasonSchema, until: untilSchema });
export type BlockPhoneInput = z.input<typeof blockPhoneSchema>;

export const listCustomersSchema = z.object({
  q: text()
    .trim()
    .max(60, "Too long")
    .optional()
    .transform((v) => v || undefined),
  /** Only customers a block is suggested for ("true" in a query string). */
  suggested: z
    .union([z.boolean(), z.enum(["true", "false"])])
    .optional()
    .transform((v) => v === true || v === "true"),
});
export type ListCustomersInput = z.input<typeof listCustomersSchema>;

export const customerSettingsSchema = z.object({
  blockPolicy: z.enum(["PREPAID_PICKUP_ONLY", "REFUSE"], { error: "Choose what a block does" }),
  codFailuresBeforeBlockSuggestion: z.coerce
    .number({ error: "Enter a number" })
    .int("A whole number")
    .min(1, "At least 1")
    .max(50, "At most 50"),
});
export type CustomerSettingsInput = z.input<typeof customerSettingsSchema>;
