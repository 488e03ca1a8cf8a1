import { customerRoute } from "@/lib/customers/customer-route";
import { getPublicMenu } from "@/lib/online/get-public-menu";
import { locationSlugQuerySchema } from "@/lib/online/schemas";
import { parseInput } from "@/lib/validation";

// GET /api/public/menu?location=<slug> — the ordering site's live menu (86 and availability
// windows applied, no cost data). 404 when the location does not take online orders.
export const GET = customerRoute({ customer: false }, ({ req }) => {
  const q = parseInput(locationSlugQuerySchema, Object.fromEntries(req.nextUrl.searchParams));
  return getPublicMenu(q.location);
});
