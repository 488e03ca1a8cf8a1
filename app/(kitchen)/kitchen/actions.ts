"use server";

import { action } from "@/lib/http/action";

import { bumpItemsSchema, recallSchema, ticketReadySchema } from "@/lib/kitchen/schemas";
import { bumpItems } from "@/lib/kitchen/bump-items";
import { recallTicket } from "@/lib/kitchen/recall-ticket";
import { markTicketReady } from "@/lib/kitchen/mark-ticket-ready";
import { reprintChitSchema } from "@/lib/printing/printer-fields";
import { reprintChit } from "@/lib/printing/reprint-chit";

// The kitchen display's writes (same use cases as the /api/v1 routes).

export const bumpItemsAction = action({ permission: "kitchen.work", input: bumpItemsSchema }, (ctx, input) =>
  bumpItems(ctx, input),
);

export const recallTicketAction = action({ permission: "kitchen.work", input: recallSchema }, (ctx, input) =>
  recallTicket(ctx, input),
);

export const markTicketReadyAction = action({ permission: "kitchen.work", input: ticketReadySchema }, (ctx, input) =>
  markTicketReady(ctx, input),
);

export const reprintChitAction = action({ permission: "printing.use", input: reprintChitSchema }, (ctx, input) =>
  reprintChit(ctx, input),
);
