import { route } from "@/lib/http/route";

import { deactivateStaff } from "@/lib/staff/deactivate-staff";
import { staffIdSchema } from "@/lib/staff/staff-fields";

/** POST /api/v1/staff/:id/deactivate: ends every session of the account at once. */
export const POST = route({ permission: "staff.manage", params: staffIdSchema }, async ({ ctx, params }) =>
  deactivateStaff(ctx, params),
);
