"use client";

import { useRealtime } from "@/components/realtime/use-realtime";
import { useInvalidationBatcher } from "@/components/realtime/use-invalidation-batcher";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import {
  FLOOR_EVENTS,
  floorChannel,
  guestChangedSchema,
  layoutChangedSchema,
  orderChangedSchema,
  tableChangedSchema,
} from "@/lib/realtime/events";

/**
 * Floor channel → TanStack Query invalidations. Table tiles and the open order refetch on any
 * hint about them, the guest tray and a table's guest session on guest.changed; on reconnect
 * everything refetches (hints may have been missed while away). A burst of hints is one refetch
 * per query (see invalidation-batcher).
 */
export function useFloorRealtime(
  config: PusherClientConfig,
  locationId: string,
  onOrderChanged?: (orderId: string, status: string) => void,
) {
  const batch = useInvalidationBatcher();
  return useRealtime({
    config,
    channel: floorChannel(locationId),
    onConnected: () => {
      batch.invalidate();
      batch.flush();
    },
    onEvent: (name, data) => {
      // The host stand's plan reads tables, orders, layout and bookings together: any of them refetches it.
      if (name !== FLOOR_EVENTS.menuChanged) batch.invalidate(["host-floor"]);
      if (name === FLOOR_EVENTS.menuChanged) {
        // An 86 must reach the pad before a server taps the item: menu changes are rare, never batched.
        batch.invalidate(["order-pad-menu"]);
        batch.flush();
        return;
      }
      const guest = name === FLOOR_EVENTS.guestChanged ? guestChangedSchema.safeParse(data) : null;
      if (guest?.success) {
        // A session opened or closed (PIN, who joined, the tile's phone badge), a guest order
        // waiting for a tap, a call or a bill request: the tray and that table's pad refetch.
        batch.invalidate(["guest-tray"]);
        batch.invalidate(["guest-session", guest.data.tableId]);
        if (guest.data.what === "session") batch.invalidate(["floor"]);
        return;
      }
      if (name === FLOOR_EVENTS.layoutChanged && layoutChangedSchema.safeParse(data).success) {
        batch.invalidate(["floor"]);
        return;
      }
      if (name === FLOOR_EVENTS.tableChanged && tableChangedSchema.safeParse(data).success) {
        batch.invalidate(["floor"]);
        batch.invalidate(["open-checks"]);
        return;
      }
      const order = orderChangedSchema.safeParse(data);
      if (name === FLOOR_EVENTS.orderChanged && order.success) {
        batch.invalidate(["floor"]);
        batch.invalidate(["order", order.data.orderId]);
        // Checks, payments, refunds, reopen and transfers all arrive as order changes.
        batch.invalidate(["checks", order.data.orderId]);
        batch.invalidate(["open-checks"]);
        onOrderChanged?.(order.data.orderId, order.data.status);
      }
    },
  });
}
