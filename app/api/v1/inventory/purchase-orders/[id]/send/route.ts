import { z } from "zod";
import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { idSchema } from "@/lib/validation";
import { sendPurchaseOrder } from "@/lib/inventory/send-purchase-order";

export const POST = route({ roles: MANAGERS, params: z.object({ id: idSchema }) }, async ({ ctx, params }) =>
  sendPurchaseOrder(ctx, { id: params.id }),
);
