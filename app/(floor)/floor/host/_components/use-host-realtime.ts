"use client";

import { useRealtime } from "@/components/realtime/use-realtime";
import { useInvalidationBatcher } from "@/components/realtime/use-invalidation-batcher";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { FLOOR_EVENTS, floorChannel } from "@/lib/realtime/events";

/**
 * The host stand's one subscription to the location's floor channel. Every panel (book, timeline,
 * waitlist, floor plan) depends on tables, orders and bookings at once, so any event but a menu
 * change refetches every query on the page (a burst of events once); a reconnect at once, since
 * hints may have been missed.
 */
export function useHostRealtime(config: PusherClientConfig, locationId: string) {
  const batch = useInvalidationBatcher();
  return useRealtime({
    config,
    channel: floorChannel(locationId),
    onConnected: () => {
      batch.invalidate();
      batch.flush();
    },
    onEvent: (name) => {
      if (name === FLOOR_EVENTS.menuChanged) return;
      batch.invalidate();
    },
  });
}
