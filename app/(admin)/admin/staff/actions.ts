"use server";

import { action } from "@/lib/http/action";

import { createStaff } from "@/lib/staff/create-staff";
import { updateStaff } from "@/lib/staff/update-staff";
import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { reactivateStaff } from "@/lib/staff/reactivate-staff";
import { unlockStaff } from "@/lib/staff/unlock-staff";
import { issueResetLink } from "@/lib/staff/issue-reset-link";
import { eraseStaffMember } from "@/lib/privacy/erase-staff-member";
import { eraseRequestSchema, personIdSchema } from "@/lib/privacy/privacy-schemas";
import { createStaffSchema, staffIdSchema, updateStaffSchema } from "@/lib/staff/staff-fields";

const staff = ["/admin/staff"] as const;

export const eraseStaffAction = action(
  { permission: "staff.privacy", input: personIdSchema.extend(eraseRequestSchema.shape), revalidate: staff },
  (ctx, { id, ...request }) => eraseStaffMember(ctx, { id }, request),
);

export const createStaffAction = action(
  { permission: "staff.manage", input: createStaffSchema, revalidate: staff },
  createStaff,
);
export const updateStaffAction = action(
  { permission: "staff.manage", input: updateStaffSchema, revalidate: staff },
  updateStaff,
);
export const deactivateStaffAction = action(
  { permission: "staff.manage", input: staffIdSchema, revalidate: staff },
  deactivateStaff,
);
export const reactivateStaffAction = action(
  { permission: "staff.manage", input: staffIdSchema, revalidate: staff },
  reactivateStaff,
);
export const unlockStaffAction = action(
  { permission: "staff.manage", input: staffIdSchema, revalidate: staff },
  unlockStaff,
);
export const issueResetLinkAction = action({ permission: "staff.manage", input: staffIdSchema }, issueResetLink);
