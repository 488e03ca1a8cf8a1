import { z } from "zod";
import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { idSchema } from "@/lib/validation";
import { cancelStockCount } from "@/lib/inventory/cancel-stock-count";

export const POST = route({ roles: MANAGERS, params: z.object({ id: idSchema }) }, async ({ ctx, params }) =>
  cancelStockCount(ctx, { id: params.id }),
);
