import { route } from "@/lib/http/route";
import { exportStaffData } from "@/lib/privacy/export-staff-data";
import { personIdSchema } from "@/lib/privacy/privacy-schemas";

/** GET /api/v1/staff/:id/export: everything stored about the staff member here (GDPR access request; audited). */
export const GET = route({ permission: "staff.privacy", params: personIdSchema }, async ({ ctx, params }) =>
  exportStaffData(ctx, params),
);
