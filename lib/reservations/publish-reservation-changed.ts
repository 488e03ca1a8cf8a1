import "server-only";
import type { Ctx } from "../auth/context";
import { FLOOR_EVENTS, floorChannel, reservationsChangedSchema, type ReservationsChanged } from "../realtime/events";
import { publishBuilt } from "../realtime/publish";
import { isoDate } from "../time/zoned";
import { localMinuteOf } from "./slot-math";

/** After commit: host stands and floor views refetch the day(s). Never throws (realtime is a hint). */
export function publishReservationChanged(
  ctx: Pick<Ctx, "locationId" | "requestId">,
  change: Omit<ReservationsChanged, "dates"> & { startsAt: Date[]; timezone: string },
): void {
  publishBuilt(
    () => [
      {
        channel: floorChannel(ctx.locationId),
        name: FLOOR_EVENTS.reservationsChanged,
        data: reservationsChangedSchema.parse({
          reservationId: change.reservationId,
          status: change.status,
          dates: [...new Set(change.startsAt.map((d) => isoDate(localMinuteOf(d, change.timezone).date)))],
          tableIds: change.tableIds,
        }),
      },
    ],
    ctx,
  );
}
