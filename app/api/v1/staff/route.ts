import { route } from "@/lib/http/route";

import { listStaff } from "@/lib/staff/list-staff";
import { createStaff } from "@/lib/staff/create-staff";
import { createStaffSchema } from "@/lib/staff/staff-fields";

/** GET /api/v1/staff → this location's staff and its time zone. */
export const GET = route({ permission: "staff.manage" }, async ({ ctx }) => listStaff(ctx));

/** POST /api/v1/staff { name, email, role, hourlyRateCents? } → 201 { id, newUser }; an invite is mailed. */
export const POST = route(
  { permission: "staff.manage", body: createStaffSchema },
  async ({ ctx, body }) => createStaff(ctx, body),
  201,
);
