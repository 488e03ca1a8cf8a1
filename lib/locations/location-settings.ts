// The settings form's schema, shared by PATCH /api/v1/location, the console action and the copy.
// Client-safe (no server-only): the form reads the limits from here.
import { z } from "zod";
import { COURSES, courseRank } from "../menu/courses";
import { text } from "../validation";
import { serviceChargeRulesSchema } from "./service-charge-rules";

const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export function isTimeZone(value: string): boolean {
  if (value === "UTC" || TIME_ZONES.has(value)) return true;
  try {
    // Aliases (e.g. "Europe/Kiev") are valid IANA names that the canonical list leaves out.
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.includes("/");
  } catch {
    return false;
  }
}

const minutes = (label: string) =>
  z
    .number({ error: `Enter the ${label} minutes` })
    .int("Whole minutes")
    .min(1, "At least 1")
    .max(240, "At most 240");

export const locationSettingsFields = {
  name: text("Enter a name").trim().min(1, "Enter a name").max(80, "At most 80 characters"),
  address: text()
    .trim()
    .max(200, "At most 200 characters")
    .nullable()
    .transform((v) => v || null),
  taxId: text()
    .trim()
    .max(40, "At most 40 characters")
    .nullable()
    .transform((v) => v || null),
  timezone: text("Choose a time zone")
    .trim()
    .refine(isTimeZone, "Not a time zone (use an IANA name such as Europe/London)"),
  currency: text("Choose a currency")
    .trim()
    .toUpperCase()
    .refine((c) => CURRENCIES.has(c), "Not an ISO 4217 currency code"),
  /** Basis points (825 = 8.25 %); the form shows a percent. */
  taxRateBps: z.number({ error: "Enter a tax rate" }).int().min(0, "Not negative").max(5000, "At most 50 %"),
  /** Online delivery fees' tax, in basis points; null = the default rate above, 0 = untaxed. */
  deliveryFeeTaxRateBps: z
    .number({ error: "Enter a tax rate, or leave it empty for the default rate" })
    .int("Whole basis points")
    .min(0, "Not negative")
    .max(10_000, "At most 100 %")
    .nullable(),
  kdsWarnMinutes: minutes("warning"),
  kdsLateMinutes: minutes("late"),
  coursesUsed: z
    .array(z.enum(COURSES, { error: "Unknown course" }))
    .min(1, "Keep at least one course")
    .transform((cs) => [...new Set(cs)].sort((a, b) => courseRank(a) - courseRank(b))),
  businessDayCutoffHour: z.number({ error: "Enter an hour" }).int().min(0, "0–23").max(23, "0–23"),
  serviceChargeRules: serviceChargeRulesSchema,
  /** Guest QR orders wait for the server's one tap before the kitchen sees them (ADR 0034). */
  guestOrderApproval: z.boolean({ error: "On or off" }),
};

/** PATCH: any subset of the settings; warn/late are checked together once merged with what is stored. */
export const updateLocationSettingsSchema = z.object(locationSettingsFields).partial().strict();
export type UpdateLocationSettingsInput = z.input<typeof updateLocationSettingsSchema>;
