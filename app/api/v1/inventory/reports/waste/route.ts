import { reportPeriodSchema } from "@/lib/inventory/report-period";
import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { getWasteReport } from "@/lib/inventory/get-waste-report";

/** GET ?from=&to= → top wasted ingredients by value, waste by reason. */
export const GET = route({ roles: MANAGERS, query: reportPeriodSchema }, async ({ ctx, query }) => getWasteReport(ctx, query));
