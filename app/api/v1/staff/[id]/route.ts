import { route } from "@/lib/http/route";

import { getStaffMember } from "@/lib/staff/get-staff-member";
import { updateStaff } from "@/lib/staff/update-staff";
import { staffIdSchema, updateStaffSchema } from "@/lib/staff/staff-fields";

export const GET = route({ permission: "staff.manage", params: staffIdSchema }, async ({ ctx, params }) =>
  getStaffMember(ctx, params),
);

/** PATCH /api/v1/staff/:id { name?, role?, hourlyRateCents? } (only the fields sent change). */
export const PATCH = route(
  { permission: "staff.manage", params: staffIdSchema, body: updateStaffSchema.omit({ id: true }) },
  async ({ ctx, params, body }) => updateStaff(ctx, { ...body, id: params.id }),
);
