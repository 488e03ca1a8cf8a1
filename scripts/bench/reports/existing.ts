// Reports that predate the shared period (their own query shapes): a month each.
import type { ReportCase } from "../reports";
import { getEndOfDay } from "../../../lib/reports/end-of-day";
import { getStaffPerformance } from "../../../lib/reports/get-staff-performance";
import { getLearnedPrepTimes } from "../../../lib/reports/learned-prep-times";
import { resolvePeriod } from "../../../lib/reports/report-period";
import { reportLocation } from "../../../lib/reports/report-context";

export const cases: ReportCase[] = [
  {
    name: "end-of-day",
    run: async (ctx, query) => {
      const { from, to } = resolvePeriod(query as { preset?: "last-month" }, (await reportLocation(ctx)).rules);
      return getEndOfDay(ctx, { from, to });
    },
  },
  {
    name: "staff-performance",
    run: async (ctx, query) => {
      const { from, to } = resolvePeriod(query as { preset?: "last-month" }, (await reportLocation(ctx)).rules);
      return getStaffPerformance(ctx, { from, to });
    },
  },
  { name: "learned-prep-times", run: (ctx) => getLearnedPrepTimes(ctx, { days: 30 }) },
];
