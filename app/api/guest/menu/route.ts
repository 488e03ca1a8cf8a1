import { guestRoute } from "@/lib/guest/guest-route";
import { getGuestMenu } from "@/lib/guest/guest-views";

// GET /api/guest/menu — the live menu for a joined phone (86 and availability windows applied).
export const GET = guestRoute({ member: true }, ({ guest }) => getGuestMenu(guest));
