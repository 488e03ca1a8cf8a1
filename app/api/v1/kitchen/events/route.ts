import { route } from "@/lib/http/route";

import { eventsQuerySchema } from "@/lib/kitchen/schemas";
import { listKitchenEvents } from "@/lib/kitchen/list-kitchen-events";

/** GET /api/v1/kitchen/events?after=N[&limit=200] → { seq, events, truncated } (replay after a gap). */
export const GET = route({ permission: "kitchen.work", query: eventsQuerySchema }, async ({ ctx, query }) =>
  listKitchenEvents(ctx, query),
);
