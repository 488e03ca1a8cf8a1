"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRealtime } from "@/components/realtime/use-realtime";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { FLOOR_EVENTS, floorChannel } from "@/lib/realtime/events";

/**
 * The host stand's one subscription to the location's floor channel. Every panel (book, timeline,
 * waitlist, floor plan) depends on tables, orders and bookings at once, so any event but a menu
 * change refetches every query on the page; a reconnect does too, since hints may have been missed.
 */
export function useHostRealtime(config: PusherClientConfig, locationId: string) {
  const qc = useQueryClient();
  return useRealtime({
    config,
    channel: floorChannel(locationId),
    onConnected: () => void qc.invalidateQueries(),
    onEvent: (name) => {
      if (name === FLOOR_EVENTS.menuChanged) return;
      void qc.invalidateQueries();
    },
  });
}
