import { route } from "@/lib/http/route";

import { listFloor } from "@/lib/tables/list-floor";

/** GET /api/v1/floor → areas with tables, live status and open order summary. */
export const GET = route({ permission: "orders.read" }, async ({ ctx }) => ({ areas: await listFloor(ctx) }));
