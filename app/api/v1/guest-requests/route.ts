import { route } from "@/lib/http/route";
import { listGuestRequests } from "@/lib/guest/guest-requests";

/** GET /api/v1/guest-requests — open "call the server" and "bill, please" requests from the tables' phones. */
export const GET = route({ permission: "orders.take" }, async ({ ctx }) => ({
  requests: await listGuestRequests(ctx),
}));
