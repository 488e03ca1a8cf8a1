import { publicWaitRoute } from "@/lib/waitlist/public-wait-route";
import { getWaitStatus } from "@/lib/waitlist/get-wait-status";

// GET /api/wait/<token> (public): a waiting party's place in line and status, for the status page's
// polling fallback. Unknown token → 404.
export const GET = publicWaitRoute(async (_req, token) => getWaitStatus(token));
