import { z } from "zod";
import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { getUsageReport } from "@/lib/inventory/get-usage-report";

/** GET ?from=YYYY-MM-DD&to=YYYY-MM-DD → theoretical (sales) vs actual usage per ingredient. */
export const GET = route({ roles: MANAGERS, query: z.object({ from: z.string().optional(), to: z.string().optional() }) }, async ({ ctx, query }) => getUsageReport(ctx, query));
