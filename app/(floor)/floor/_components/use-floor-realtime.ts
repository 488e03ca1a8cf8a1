"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRealtime } from "@/components/realtime/use-realtime";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import {
  FLOOR_EVENTS,
  floorChannel,
  layoutChangedSchema,
  orderChangedSchema,
  tableChangedSchema,
} from "@/lib/realtime/events";

/**
 * Floor channel → TanStack Query invalidations. Table tiles and the open order refetch on any
 * hint about them; on reconnect everything refetches (hints may have been missed while away).
 */
export function useFloorRealtime(
  config: PusherClientConfig,
  locationId: string,
  onOrderChanged?: (orderId: string, status: string) => void,
) {
  const qc = useQueryClient();
  return useRealtime({
    config,
    channel: floorChannel(locationId),
    onConnected: () => void qc.invalidateQueries(),
    onEvent: (name, data) => {
      // The host stand's plan reads tables, orders, layout and bookings together: any of them refetches it.
      if (name !== FLOOR_EVENTS.menuChanged) void qc.invalidateQueries({ queryKey: ["host-floor"] });
      if (name === FLOOR_EVENTS.menuChanged) {
        void qc.invalidateQueries({ queryKey: ["order-pad-menu"] });
        return;
      }
      if (name === FLOOR_EVENTS.layoutChanged && layoutChangedSchema.safeParse(data).success) {
        void qc.invalidateQueries({ queryKey: ["floor"] });
        return;
      }
      if (name === FLOOR_EVENTS.tableChanged && tableChangedSchema.safeParse(data).success) {
        void qc.invalidateQueries({ queryKey: ["floor"] });
        void qc.invalidateQueries({ queryKey: ["open-checks"] });
        return;
      }
      const order = orderChangedSchema.safeParse(data);
      if (name === FLOOR_EVENTS.orderChanged && order.success) {
        void qc.invalidateQueries({ queryKey: ["floor"] });
        void qc.invalidateQueries({ queryKey: ["order", order.data.orderId] });
        // Checks, payments, refunds, reopen and transfers all arrive as order changes.
        void qc.invalidateQueries({ queryKey: ["checks", order.data.orderId] });
        void qc.invalidateQueries({ queryKey: ["open-checks"] });
        onOrderChanged?.(order.data.orderId, order.data.status);
      }
    },
  });
}
