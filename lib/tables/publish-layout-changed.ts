import "server-only";
import type { Ctx } from "../auth/context";
import { FLOOR_EVENTS, floorChannel, layoutChangedSchema } from "../realtime/events";
import { publishBuilt } from "../realtime/publish";

/** After commit: every floor view refetches the room. Never throws (realtime is a hint). */
export function publishLayoutChanged(
  ctx: Pick<Ctx, "locationId" | "requestId">,
  change: { areaIds?: string[]; tableIds?: string[] },
): void {
  publishBuilt(
    () => [
      {
        channel: floorChannel(ctx.locationId),
        name: FLOOR_EVENTS.layoutChanged,
        data: layoutChangedSchema.parse({
          areaIds: [...new Set(change.areaIds ?? [])],
          tableIds: [...new Set(change.tableIds ?? [])],
        }),
      },
    ],
    ctx,
  );
}
