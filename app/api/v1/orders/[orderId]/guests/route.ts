import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";

import { setGuestCountSchema } from "@/lib/orders/schemas";
import { setGuestCount } from "@/lib/orders/set-guest-count";

/** PUT /api/v1/orders/:orderId/guests { guestCount } — the party changed size after seating. */
export const PUT = route(
  {
    permission: "orders.take",
    params: z.object({ orderId: idSchema }),
    body: setGuestCountSchema.omit({ orderId: true }),
  },
  async ({ ctx, params, body }) => setGuestCount(ctx, { ...body, orderId: params.orderId }),
);
