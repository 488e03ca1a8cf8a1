import { route } from "@/lib/http/route";
import { ORDER_READERS } from "@/lib/orders/permissions";
import { listFloor } from "@/lib/tables/list-floor";

/** GET /api/v1/floor → areas with tables, live status and open order summary. */
export const GET = route({ roles: ORDER_READERS }, async ({ ctx }) => ({ areas: await listFloor(ctx) }));
