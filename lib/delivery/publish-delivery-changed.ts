import "server-only";
import type { Ctx } from "../auth/context";
import {
  deliveryChangedSchema,
  DRIVER_EVENTS,
  driverChannel,
  driverChangedSchema,
  FLOOR_EVENTS,
  floorChannel,
  kitchenChannel,
  type DeliveryChanged,
  type DriverChanged,
} from "../realtime/events";
import { publishBuilt, type Message } from "../realtime/publish";

function driverMessage(locationId: string, driverId: string, change: DriverChanged): Message {
  return {
    channel: driverChannel(locationId, driverId),
    name: DRIVER_EVENTS.changed,
    data: driverChangedSchema.parse(change),
  };
}

/**
 * After commit: dispatch boards (the expo follows the kitchen channel, managers either) and the
 * driver concerned (their own channel) refetch. Never throws (realtime is a hint; both also poll).
 */
export function publishDeliveryChanged(ctx: Pick<Ctx, "locationId" | "requestId">, change: DeliveryChanged): void {
  publishBuilt(() => {
    const data = deliveryChangedSchema.parse(change);
    const boards = [kitchenChannel(ctx.locationId), floorChannel(ctx.locationId)].map((channel) => ({
      channel,
      name: FLOOR_EVENTS.deliveryChanged,
      data,
    }));
    if (!change.driverId) return boards;
    const forDriver = { what: change.what, routeId: change.routeId, orderIds: change.orderIds };
    return [...boards, driverMessage(ctx.locationId, change.driverId, forDriver)];
  }, ctx);
}

/** After commit: an order on a driver's route changed status (ready, cancelled, …); their app refetches. */
export function publishDriverOrderStatus(move: {
  locationId: string;
  driverId: string | null;
  orderId: string;
  to: DriverChanged["status"];
}): void {
  const { driverId } = move;
  if (!driverId) return;
  publishBuilt(
    () => [
      driverMessage(move.locationId, driverId, {
        what: "status",
        routeId: null,
        orderIds: [move.orderId],
        status: move.to,
      }),
    ],
    { locationId: move.locationId },
  );
}
