import "server-only";
import { createHash } from "node:crypto";
import { TRACK_EVENTS, trackChangedSchema, trackPositionSchema, type TrackPosition } from "../realtime/events";
import { publishBuilt } from "../realtime/publish";

/**
 * The public channel of one online order's tracking page: a hash of the link's token, so the
 * channel name gives the link away to nobody who watches the realtime server.
 */
export function trackingChannel(trackingToken: string): string {
  return (
    "track-" +
    createHash("sha256")
      .update("track-channel:" + trackingToken)
      .digest("hex")
      .slice(0, 40)
  );
}

/** After commit: the tracking page refetches. Never throws. */
export function publishTrackingChanged(locationId: string, trackingToken: string, status: string): void {
  publishBuilt(
    () => [
      {
        channel: trackingChannel(trackingToken),
        name: TRACK_EVENTS.changed,
        data: trackChangedSchema.parse({ status }),
      },
    ],
    { locationId },
  );
}

/** The driver's latest position to the tracking pages of the orders they carry. Never throws. */
export function publishTrackingPosition(locationId: string, trackingTokens: readonly string[], p: TrackPosition): void {
  publishBuilt(
    () =>
      trackingTokens.map((t) => ({
        channel: trackingChannel(t),
        name: TRACK_EVENTS.position,
        data: trackPositionSchema.parse(p),
      })),
    { locationId },
  );
}
