import { route } from "@/lib/http/route";
import { pickupRoute } from "@/lib/driver/pickup-route";
import { routeIdSchema } from "@/lib/driver/schemas";

// POST — the driver picks a route up: the route goes out and its ready orders out for delivery
// (409 while an order is not ready or the driver is off duty; another driver's route is 404).
export const POST = route({ permission: "delivery.drive", params: routeIdSchema }, async ({ ctx, params }) =>
  pickupRoute(ctx, params),
);
