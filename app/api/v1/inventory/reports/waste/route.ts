import { z } from "zod";
import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { getWasteReport } from "@/lib/inventory/get-waste-report";

/** GET ?from=&to= → top wasted ingredients by value, waste by reason. */
export const GET = route({ roles: MANAGERS, query: z.object({ from: z.string().optional(), to: z.string().optional() }) }, async ({ ctx, query }) => getWasteReport(ctx, query));
