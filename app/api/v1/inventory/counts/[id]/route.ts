import { z } from "zod";
import { route } from "@/lib/http/route";

import { idSchema } from "@/lib/validation";
import { getStockCount } from "@/lib/inventory/get-stock-count";
import { saveStockCount, saveStockCountSchema } from "@/lib/inventory/save-stock-count";

const params = z.object({ id: idSchema });

/** GET → lines with expected, counted, variance and its value. */
export const GET = route({ permission: "inventory.manage", params }, async ({ ctx, params }) =>
  getStockCount(ctx, params.id),
);

/** PUT { lines: [{ ingredientId, counted | null, unit? }] } while OPEN. */
export const PUT = route(
  { permission: "inventory.manage", params, body: saveStockCountSchema.omit({ id: true }) },
  async ({ ctx, params, body }) => saveStockCount(ctx, { ...body, id: params.id }),
);
