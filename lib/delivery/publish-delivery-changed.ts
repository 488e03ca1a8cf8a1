import "server-only";
import type { Ctx } from "../auth/context";
import {
  deliveryChangedSchema,
  FLOOR_EVENTS,
  floorChannel,
  kitchenChannel,
  type DeliveryChanged,
} from "../realtime/events";
import { publishBuilt } from "../realtime/publish";

/**
 * After commit: dispatch boards (the expo follows the kitchen channel, managers either) and the
 * driver app refetch. Never throws (realtime is a hint; the board also polls).
 */
export function publishDeliveryChanged(ctx: Pick<Ctx, "locationId" | "requestId">, change: DeliveryChanged): void {
  publishBuilt(() => {
    const data = deliveryChangedSchema.parse(change);
    return [kitchenChannel(ctx.locationId), floorChannel(ctx.locationId)].map((channel) => ({
      channel,
      name: FLOOR_EVENTS.deliveryChanged,
      data,
    }));
  }, ctx);
}
