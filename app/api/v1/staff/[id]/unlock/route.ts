import { route } from "@/lib/http/route";

import { unlockStaff } from "@/lib/staff/unlock-staff";
import { staffIdSchema } from "@/lib/staff/staff-fields";

/** POST /api/v1/staff/:id/unlock: lifts the sign-in and PIN lockouts. */
export const POST = route({ permission: "staff.manage", params: staffIdSchema }, async ({ ctx, params }) =>
  unlockStaff(ctx, params),
);
