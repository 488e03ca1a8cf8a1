import { z } from "zod";
import { can } from "../auth/permissions";
import { ROLES, type Role } from "../auth/roles";
import { idSchema, text } from "../validation";

// The fields a manager edits on a staff member, shared by create and update (and their forms).

export const staffNameSchema = text("Enter a name").trim().min(1, "Enter a name").max(80, "Use at most 80 characters");
export const staffRoleSchema = z.enum(ROLES, { error: "Pick a role" });
/** Cents per hour; null = not costed. Forms send "" for an empty rate. */
export const hourlyRateSchema = z
  .union([z.literal("").transform(() => null), z.null(), z.coerce.number()])
  .pipe(
    z
      .number({ error: "Enter an hourly rate" })
      .int("Use whole cents")
      .min(0, "Cannot be negative")
      .max(100_000, "At most 1000.00 an hour")
      .nullable(),
  );

export const staffIdSchema = z.object({ id: idSchema });
export type StaffIdInput = z.input<typeof staffIdSchema>;

export const createStaffSchema = z.object({
  name: staffNameSchema,
  email: z.string().trim().toLowerCase().email("Enter a valid email").max(254, "Enter a valid email"),
  role: staffRoleSchema,
  hourlyRateCents: hourlyRateSchema.optional().default(null),
});
export type CreateStaffInput = z.input<typeof createStaffSchema>;

export const updateStaffSchema = z.object({
  id: idSchema,
  name: staffNameSchema.optional(),
  role: staffRoleSchema.optional(),
  hourlyRateCents: hourlyRateSchema.optional(),
  /** A contact phone (stored encrypted, ADR 0043); "" removes it. */
  contactPhone: text().trim().max(32, "Not a phone number").optional(),
});
export type UpdateStaffInput = z.input<typeof updateStaffSchema>;

/** The roles an actor may hand out: all of them for an admin, all but admin for a manager. */
export function assignableRoles(actor: Role): Role[] {
  return ROLES.filter((r) => can(actor, "staff.grantAdmin") || !can(r, "staff.grantAdmin"));
}
