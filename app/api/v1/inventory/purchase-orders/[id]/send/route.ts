import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { sendPurchaseOrder } from "@/lib/inventory/send-purchase-order";

export const POST = route(
  { permission: "inventory.manage", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => sendPurchaseOrder(ctx, { id: params.id }),
);
