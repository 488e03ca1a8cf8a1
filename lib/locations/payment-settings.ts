// The money settings of a location (issue 11): who may discount how much without a manager, the
// tenders the tablets offer, tip suggestions, the bussing step; and discount reasons. Client-safe:
// the payments settings page reads the limits from here; checks and payments read the stored JSON
// through `readDiscountLimits`.
import { z } from "zod";
import type { Role, TenderType } from "@/generated/prisma/enums";
import { idSchema, text } from "../validation";
import { can } from "../auth/permissions";
import { ROLES } from "../auth/roles";

export const TENDER_TYPES = ["CASH", "CARD", "HOUSE_ACCOUNT"] as const satisfies readonly TenderType[];
export const TENDER_NAMES: Record<TenderType, string> = {
  CASH: "Cash",
  CARD: "Card (terminal)",
  HOUSE_ACCOUNT: "House account",
};

/** Roles that discount within a limit: they may discount, but not any amount (managers may). */
export const LIMITED_ROLES: readonly Role[] = ROLES.filter(
  (r) => can(r, "checks.discount") && !can(r, "checks.discountAny"),
);

/** $1,000.00: a limit above that is no limit worth having. */
export const MAX_DISCOUNT_LIMIT_CENTS = 100_000;

const limitCents = z
  .number({ error: "Enter an amount" })
  .int("Whole cents")
  .min(0, "Not negative")
  .max(MAX_DISCOUNT_LIMIT_CENTS, "At most $1,000.00");

export const discountLimitsSchema = z
  .record(z.string(), limitCents)
  .refine((l) => Object.keys(l).every((k) => (LIMITED_ROLES as readonly string[]).includes(k)), {
    message: `Limits are for ${LIMITED_ROLES.join(" and ").toLowerCase()} roles only`,
  });
export type DiscountLimits = Partial<Record<Role, number>>;

export const paymentSettingsSchema = z
  .object({
    /** Per role, cents per check without a manager's approval; a role left out needs approval for any. */
    discountLimits: discountLimitsSchema,
    tenders: z
      .array(z.enum(TENDER_TYPES, { error: "Unknown tender" }))
      .min(1, "Offer at least one tender")
      .max(TENDER_TYPES.length)
      .refine((t) => new Set(t).size === t.length, "Each tender once")
      .transform((t) => TENDER_TYPES.filter((x) => t.includes(x))),
    tipSuggestionsBps: z
      .array(
        z
          .number({ error: "Enter a percent" })
          .int("Whole basis points")
          .min(100, "At least 1 %")
          .max(5000, "At most 50 %"),
      )
      .max(4, "At most 4 suggestions")
      .refine((t) => new Set(t).size === t.length, "Each suggestion once")
      .transform((t) => [...t].sort((a, b) => a - b)),
    bussingStep: z.boolean({ error: "Yes or no" }),
  })
  .partial()
  .strict();
export type PaymentSettingsInput = z.input<typeof paymentSettingsSchema>;

/** The stored JSON → limits; anything unreadable counts as no limits (approval for every discount). */
export function readDiscountLimits(json: unknown): DiscountLimits {
  const parsed = discountLimitsSchema.safeParse(json);
  return parsed.success ? parsed.data : {};
}

const reasonName = text("Name the reason").trim().min(1, "Name the reason").max(40, "At most 40 characters");

export const createDiscountReasonSchema = z.object({
  name: reasonName,
  comp: z.boolean({ error: "Discount or comp" }).optional().default(false),
});
export type CreateDiscountReasonInput = z.input<typeof createDiscountReasonSchema>;

export const updateDiscountReasonFieldsSchema = z
  .object({
    name: reasonName,
    comp: z.boolean({ error: "Discount or comp" }),
    /** Move one place up or down the list the tablets show. */
    move: z.enum(["up", "down"]),
    /** True archives (no longer offered, kept for the history); false brings it back. */
    archived: z.boolean({ error: "Yes or no" }),
  })
  .partial()
  .strict();
export const updateDiscountReasonSchema = updateDiscountReasonFieldsSchema.extend({ id: idSchema });
export type UpdateDiscountReasonInput = z.input<typeof updateDiscountReasonSchema>;
