// Service-charge rules of a location (Location.serviceChargeRules, JSON). Pure and client-safe:
// the settings form, the settings use case and payments all read them through this schema.
import { z } from "zod";
import { text } from "../validation";

export const serviceChargeRuleSchema = z.object({
  name: text("Enter a name").trim().min(1, "Enter a name").max(60, "At most 60 characters"),
  /** Applies to parties of at least this many guests; null = every check. */
  minGuests: z.number({ error: "Enter a number" }).int("Whole guests").min(1).max(500).nullable().default(null),
  /** Basis points of the subtotal (1800 = 18 %). */
  rateBps: z.number({ error: "Enter a rate" }).int().min(0, "Not negative").max(5000, "At most 50 %"),
  /** Some jurisdictions tax a mandatory service charge: then it is taxed at the location's rate. */
  taxable: z.boolean().default(false),
});
export type ServiceChargeRule = z.output<typeof serviceChargeRuleSchema>;

export const serviceChargeRulesSchema = z
  .array(serviceChargeRuleSchema)
  .max(10, "At most 10 rules")
  .refine(
    (rules) => new Set(rules.map((r) => r.name.toLowerCase())).size === rules.length,
    "Each rule needs its own name",
  );
export type ServiceChargeRulesInput = z.input<typeof serviceChargeRulesSchema>;

/** The stored JSON → rules; anything unreadable counts as no rules (never a crash at the till). */
export function readServiceChargeRules(json: unknown): ServiceChargeRule[] {
  const parsed = serviceChargeRulesSchema.safeParse(json);
  return parsed.success ? parsed.data : [];
}

/** The rule that applies to a party of `guests` (the highest rate among those that match), or null. */
export function serviceChargeFor(rules: readonly ServiceChargeRule[], guests: number): ServiceChargeRule | null {
  const matching = rules.filter((r) => r.minGuests === null || guests >= r.minGuests);
  return matching.reduce<ServiceChargeRule | null>((best, r) => (!best || r.rateBps > best.rateBps ? r : best), null);
}
