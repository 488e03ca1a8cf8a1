// Per-role discount limits (Location.discountLimits): cents per discount a role may give without a
// manager's approval. Pure and client-safe: the settings form and the check panel read them too.
import { z } from "zod";
import type { Role } from "../auth/roles";
import { can } from "../auth/permissions";
import { ROLES } from "../auth/roles";

export const discountLimitsSchema = z.partialRecord(
  z.enum(ROLES),
  z.number().int("Whole cents").min(0, "Not negative").max(10_000_000, "Too large"),
);
export type DiscountLimits = z.output<typeof discountLimitsSchema>;

export function readDiscountLimits(json: unknown): DiscountLimits {
  const parsed = discountLimitsSchema.safeParse(json);
  return parsed.success ? parsed.data : {};
}

/** The most a role may take off in one discount without approval (Infinity for managers). */
export function discountLimitFor(role: Role, limits: DiscountLimits): number {
  if (can(role, "checks.discountAny")) return Number.POSITIVE_INFINITY;
  return limits[role] ?? 0;
}
