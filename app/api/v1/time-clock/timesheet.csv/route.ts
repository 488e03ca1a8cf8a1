import { route } from "@/lib/http/route";

import { csvResponse } from "@/lib/csv/http";
import { timesheetPeriodSchema } from "@/lib/timeclock/get-timesheet";
import { exportTimesheetCsv } from "@/lib/timeclock/export-timesheet-csv";

/** GET /api/v1/time-clock/timesheet.csv?from&to (or ?week) → payroll CSV, one row per person per week. */
export const GET = route({ permission: "timeclock.manage", query: timesheetPeriodSchema }, async ({ ctx, query }) => {
  const { csv, from, to } = await exportTimesheetCsv(ctx, query);
  return csvResponse(csv, `timesheet-${from}-to-${to}.csv`);
});
