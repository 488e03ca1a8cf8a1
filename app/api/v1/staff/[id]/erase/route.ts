import { route } from "@/lib/http/route";
import { eraseStaffMember } from "@/lib/privacy/erase-staff-member";
import { eraseRequestSchema, personIdSchema } from "@/lib/privacy/privacy-schemas";

/** POST /api/v1/staff/:id/erase { confirm: "ERASE", reason }: anonymise the account, keep its orders (audited). */
export const POST = route(
  { permission: "staff.privacy", params: personIdSchema, body: eraseRequestSchema },
  async ({ ctx, params, body }) => eraseStaffMember(ctx, params, body),
);
