import { guestRoute } from "@/lib/guest/guest-route";
import { getGuestSessionView } from "@/lib/guest/guest-views";

// GET /api/guest/session — the joined phone's table: mode, who is here, checkout, order progress.
export const GET = guestRoute({ member: true }, ({ guest }) => getGuestSessionView(guest));
