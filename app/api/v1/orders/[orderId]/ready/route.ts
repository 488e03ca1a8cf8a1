import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";

import { ticketReadySchema } from "@/lib/kitchen/schemas";
import { markTicketReady } from "@/lib/kitchen/mark-ticket-ready";

/** POST /api/v1/orders/:orderId/ready { fireBatch } — expo passes the ticket; the order may become READY. */
export const POST = route(
  {
    permission: "kitchen.work",
    params: z.object({ orderId: idSchema }),
    body: ticketReadySchema.omit({ orderId: true }),
  },
  async ({ ctx, params, body }) => markTicketReady(ctx, { ...body, orderId: params.orderId }),
);
