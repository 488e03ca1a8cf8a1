import { route } from "@/lib/http/route";

import { logWaste, logWasteSchema } from "@/lib/inventory/log-waste";

/** POST /api/v1/inventory/waste { ingredientId, quantity, unit?, reason, note? } (managers and chefs). */
export const POST = route(
  { permission: "inventory.waste", body: logWasteSchema },
  async ({ ctx, body }) => logWaste(ctx, body),
  201,
);
