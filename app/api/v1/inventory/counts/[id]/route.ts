import { z } from "zod";
import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { idSchema } from "@/lib/validation";
import { getStockCount } from "@/lib/inventory/get-stock-count";
import { saveStockCount, saveStockCountSchema } from "@/lib/inventory/save-stock-count";

const params = z.object({ id: idSchema });

/** GET → lines with expected, counted, variance and its value. */
export const GET = route({ roles: MANAGERS, params }, async ({ ctx, params }) => getStockCount(ctx, params.id));

/** PUT { lines: [{ ingredientId, counted | null, unit? }] } while OPEN. */
export const PUT = route(
  { roles: MANAGERS, params, body: saveStockCountSchema.omit({ id: true }) },
  async ({ ctx, params, body }) => saveStockCount(ctx, { ...body, id: params.id }),
);
