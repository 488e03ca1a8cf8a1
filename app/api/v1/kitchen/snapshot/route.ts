import { route } from "@/lib/http/route";

import { snapshotQuerySchema } from "@/lib/kitchen/schemas";
import { getStationSnapshot } from "@/lib/kitchen/get-station-snapshot";

/** GET /api/v1/kitchen/snapshot?station=grill → { seq, tickets, allDay, … } (never prices). */
export const GET = route({ permission: "kitchen.work", query: snapshotQuerySchema }, async ({ ctx, query }) =>
  getStationSnapshot(ctx, query),
);
