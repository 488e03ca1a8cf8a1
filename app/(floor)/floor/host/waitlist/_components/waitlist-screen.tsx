"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ConnectionPill } from "@/components/realtime/connection-pill";
import { useRealtime } from "@/components/realtime/use-realtime";
import type { PusherClientConfig } from "@/lib/realtime/pusher-server";
import { floorChannel } from "@/lib/realtime/events";
import { HostSelectionProvider } from "../../_components/host-selection";
import { WaitlistPanel } from "../../_components/waitlist-panel";

/** The panel with live updates: any floor event refetches (a seat frees a table, a party joins). */
export function WaitlistScreen({ locationId, config }: { locationId: string; config: PusherClientConfig }) {
  const qc = useQueryClient();
  const status = useRealtime({
    config,
    channel: floorChannel(locationId),
    onConnected: () => void qc.invalidateQueries(),
    onEvent: () => void qc.invalidateQueries(),
  });
  return (
    <HostSelectionProvider>
      <div className="mx-auto flex max-w-xl flex-col gap-3">
        <div className="flex justify-end">
          <ConnectionPill {...status} />
        </div>
        <WaitlistPanel locationId={locationId} />
      </div>
    </HostSelectionProvider>
  );
}
