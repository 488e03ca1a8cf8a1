import { route } from "@/lib/http/route";

import { reactivateStaff } from "@/lib/staff/reactivate-staff";
import { staffIdSchema } from "@/lib/staff/staff-fields";

/** POST /api/v1/staff/:id/reactivate: lets the account sign in again. */
export const POST = route({ permission: "staff.manage", params: staffIdSchema }, async ({ ctx, params }) =>
  reactivateStaff(ctx, params),
);
