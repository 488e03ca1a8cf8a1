import { z } from "zod";
import { route } from "@/lib/http/route";

import { listDrawerHistory, listOpenDrawers } from "@/lib/cash/list-drawers";
import { openDrawer } from "@/lib/cash/open-drawer";
import { businessDate, openDrawerSchema } from "@/lib/cash/schemas";

const query = z.object({
  status: z.enum(["open", "closed", "all"]).optional(),
  from: businessDate.optional(),
  to: businessDate.optional(),
});

/**
 * GET /api/v1/cash-drawers → the open sessions (cashiers and managers);
 * ?status=closed|all (&from&to business dates) → the history with expected, counted and variance (managers).
 */
export const GET = route({ permission: "cash.drawer", query }, async ({ ctx, query }) =>
  query.status === "closed" || query.status === "all" ? listDrawerHistory(ctx, query) : listOpenDrawers(ctx),
);

/** POST /api/v1/cash-drawers { name, openingFloatCents } → the open session (201). */
export const POST = route(
  { permission: "cash.drawer", body: openDrawerSchema },
  async ({ ctx, body }) => openDrawer(ctx, body),
  201,
);
