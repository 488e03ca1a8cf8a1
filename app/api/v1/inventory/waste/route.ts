import { route } from "@/lib/http/route";
import { KITCHEN_STAFF } from "@/lib/auth/roles";
import { logWaste, logWasteSchema } from "@/lib/inventory/log-waste";

/** POST /api/v1/inventory/waste { ingredientId, quantity, unit?, reason, note? } (managers and chefs). */
export const POST = route(
  { roles: KITCHEN_STAFF, body: logWasteSchema },
  async ({ ctx, body }) => logWaste(ctx, body),
  201,
);
