import { customerRoute } from "@/lib/customers/customer-route";
import { getOnlineTracking } from "@/lib/online/get-online-tracking";

// GET /api/public/orders/<tracking token> (no session: the token is the key) — the tracking page's
// status, steps, items, totals and, out for delivery, the driver's first name, position and ETA.
export const GET = customerRoute({ customer: false }, ({ params }) => getOnlineTracking(params.token ?? ""));
