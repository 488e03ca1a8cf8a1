import { route } from "@/lib/http/route";

import { recallSchema } from "@/lib/kitchen/schemas";
import { recallTicket } from "@/lib/kitchen/recall-ticket";

/** POST /api/v1/kitchen/recall { station, ticket? } — bring back the last bumped ticket. */
export const POST = route({ permission: "kitchen.work", body: recallSchema }, async ({ ctx, body }) =>
  recallTicket(ctx, body),
);
