import { route } from "@/lib/http/route";

import { getTimesheet, timesheetPeriodSchema } from "@/lib/timeclock/get-timesheet";

/** GET /api/v1/time-clock/timesheet?week=YYYY-MM-DD | ?from&to → per-person hours, overtime, cost and punches. */
export const GET = route({ permission: "timeclock.manage", query: timesheetPeriodSchema }, async ({ ctx, query }) =>
  getTimesheet(ctx, query),
);
