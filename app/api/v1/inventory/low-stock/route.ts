import { route } from "@/lib/http/route";
import { MANAGERS } from "@/lib/auth/roles";
import { getLowStock } from "@/lib/inventory/get-low-stock";

/** GET /api/v1/inventory/low-stock → ingredients at or below their reorder point. */
export const GET = route({ roles: MANAGERS }, async ({ ctx }) => ({ items: await getLowStock(ctx) }));
