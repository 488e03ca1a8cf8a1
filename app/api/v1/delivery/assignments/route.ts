import { route } from "@/lib/http/route";
import { assignDelivery } from "@/lib/delivery/assign-delivery";
import { assignDeliverySchema } from "@/lib/delivery/assignment-schemas";
import { getDispatchBoard } from "@/lib/delivery/get-dispatch-board";

/**
 * GET /api/v1/delivery/assignments → the dispatch board: unassigned delivery orders cooking or ready (with their
 * suggested driver), suggested batches, drivers on duty with load and last position, open routes.
 */
export const GET = route({ permission: "delivery.dispatch" }, async ({ ctx }) => getDispatchBoard(ctx));

/**
 * POST /api/v1/delivery/assignments { orderIds, driverId } → a PLANNED route for the driver's open shift with the
 * orders in optimised stop order (201): { routeId, driverId, orderIds, totalMeters, etaMinutes }.
 */
export const POST = route(
  { permission: "delivery.dispatch", body: assignDeliverySchema },
  async ({ ctx, body }) => assignDelivery(ctx, body),
  201,
);
