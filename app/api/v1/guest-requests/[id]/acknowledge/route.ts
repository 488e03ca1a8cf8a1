import { z } from "zod";
import { route } from "@/lib/http/route";
import { idSchema } from "@/lib/validation";
import { acknowledgeGuestRequest } from "@/lib/guest/guest-requests";

/** POST /api/v1/guest-requests/:id/acknowledge — "On my way" / "Done": the request leaves every tablet's tray. */
export const POST = route({ permission: "orders.take", params: z.object({ id: idSchema }) }, async ({ ctx, params }) =>
  acknowledgeGuestRequest(ctx, { requestId: params.id }),
);
