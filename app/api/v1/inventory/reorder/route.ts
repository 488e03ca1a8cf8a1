import { route } from "@/lib/http/route";

import { getReorderList } from "@/lib/inventory/get-reorder-list";
import { createReorderDrafts, createReorderDraftsSchema } from "@/lib/inventory/create-reorder-drafts";

/** GET /api/v1/inventory/reorder → low ingredients grouped by supplier with suggested purchase units. */
export const GET = route({ permission: "inventory.manage" }, async ({ ctx }) => ({
  groups: await getReorderList(ctx),
}));

/** POST /api/v1/inventory/reorder { supplierIds } → one draft purchase order per supplier. */
export const POST = route(
  { permission: "inventory.manage", body: createReorderDraftsSchema },
  async ({ ctx, body }) => ({ purchaseOrders: await createReorderDrafts(ctx, body) }),
  201,
);
