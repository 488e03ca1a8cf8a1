import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { previewStockCount } from "@/lib/inventory/preview-stock-count";

/** GET → what posting the saved count would do: large variances and dishes it would 86 (nothing written). */
export const GET = route(
  { permission: "inventory.manage", params: z.object({ id: idSchema }) },
  async ({ ctx, params }) => previewStockCount(ctx, { id: params.id }),
);
