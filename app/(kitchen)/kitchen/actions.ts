"use server";

import { action } from "@/lib/http/action";
import { KITCHEN_ACTORS } from "@/lib/orders/permissions";
import { bumpItemsSchema, recallSchema, ticketReadySchema } from "@/lib/kitchen/schemas";
import { bumpItems } from "@/lib/kitchen/bump-items";
import { recallTicket } from "@/lib/kitchen/recall-ticket";
import { markTicketReady } from "@/lib/kitchen/mark-ticket-ready";

// The kitchen display's writes (same use cases as the /api/v1 routes).

export const bumpItemsAction = action({ roles: KITCHEN_ACTORS, input: bumpItemsSchema }, (ctx, input) =>
  bumpItems(ctx, input),
);

export const recallTicketAction = action({ roles: KITCHEN_ACTORS, input: recallSchema }, (ctx, input) =>
  recallTicket(ctx, input),
);

export const markTicketReadyAction = action({ roles: KITCHEN_ACTORS, input: ticketReadySchema }, (ctx, input) =>
  markTicketReady(ctx, input),
);
