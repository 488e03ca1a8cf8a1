import { route } from "@/lib/http/route";
import { getHostFloor } from "@/lib/host/get-host-floor";

/** GET /api/v1/host/floor → every table's state for the host, groups, next bookings and today's holds. */
export const GET = route({ permission: "floor.use" }, async ({ ctx }) => getHostFloor(ctx));
