import { route } from "@/lib/http/route";

import { getLowStock } from "@/lib/inventory/get-low-stock";

/** GET /api/v1/inventory/low-stock → ingredients at or below their reorder point. */
export const GET = route({ permission: "inventory.manage" }, async ({ ctx }) => ({ items: await getLowStock(ctx) }));
