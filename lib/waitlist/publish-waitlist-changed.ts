import "server-only";
import type { Ctx } from "../auth/context";
import { db } from "../db";
import { log } from "../log";
import {
  FLOOR_EVENTS,
  floorChannel,
  WAIT_EVENTS,
  waitChangedSchema,
  waitlistChangedSchema,
  type WaitlistChanged,
} from "../realtime/events";
import { publishBuilt } from "../realtime/publish";
import { waitChannel } from "./wait-channel";

/**
 * After commit: host stands refetch the queue, and every party still waiting refetches its status
 * page (its place in line may have moved), as does the party that changed. Never throws.
 */
export function publishWaitlistChanged(
  ctx: Pick<Ctx, "locationId" | "requestId">,
  change: WaitlistChanged & { tokenHash: string },
): void {
  void (async () => {
    const waiting = await db.waitlistEntry.findMany({
      where: { locationId: ctx.locationId, status: { in: ["WAITING", "NOTIFIED"] }, id: { not: change.entryId } },
      select: { tokenHash: true, status: true },
      take: 100,
    });
    publishBuilt(
      () => [
        {
          channel: floorChannel(ctx.locationId),
          name: FLOOR_EVENTS.waitlistChanged,
          data: waitlistChangedSchema.parse({ entryId: change.entryId, status: change.status }),
        },
        ...[{ tokenHash: change.tokenHash, status: change.status }, ...waiting].map((w) => ({
          channel: waitChannel(w.tokenHash),
          name: WAIT_EVENTS.changed,
          data: waitChangedSchema.parse({ status: w.status }),
        })),
      ],
      ctx,
    );
  })().catch((error: unknown) => log.warn("waitlist change not published", { ...ctx, error }));
}
