import { route } from "@/lib/http/route";

import { getStaffPerformance, staffPerformanceSchema } from "@/lib/reports/get-staff-performance";

/** GET /api/v1/reports/staff-performance?from&to (business dates) or ?preset=today|this-week|last-week */
export const GET = route({ permission: "console.use", query: staffPerformanceSchema }, async ({ ctx, query }) =>
  getStaffPerformance(ctx, query),
);
