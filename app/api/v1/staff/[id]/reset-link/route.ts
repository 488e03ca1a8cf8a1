import { route } from "@/lib/http/route";

import { issueResetLink } from "@/lib/staff/issue-reset-link";
import { staffIdSchema } from "@/lib/staff/staff-fields";

/** POST /api/v1/staff/:id/reset-link: → { link, expiresAt }: shown once, also mailed to the staff member. */
export const POST = route({ permission: "staff.manage", params: staffIdSchema }, async ({ ctx, params }) =>
  issueResetLink(ctx, params),
);
