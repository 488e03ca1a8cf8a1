import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { getStationSnapshot } from "@/lib/kitchen/get-station-snapshot";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { DeviceControls } from "@/components/device-controls";
import { KitchenDisplay, type SnapshotView } from "../_components/kitchen-display";
import { orNotFound } from "@/lib/http/or-not-found";
import { stationPrintsChits } from "@/lib/printing/station-prints-chits";

export const metadata: Metadata = { title: "Kitchen display" };

// No loading.tsx here or on expo: its fallback would start the stream with 200 before the role
// check, so a refusal could not answer 403. The snapshot is bounded (one page), so it is quick.
export default async function StationPage({ params }: { params: Promise<{ station: string }> }) {
  const ctx = await requireUser("kitchen.work");
  const { station } = await params;
  const snapshot = await orNotFound(getStationSnapshot(ctx, { station }), ["NOT_FOUND", "VALIDATION"]);
  const initial = JSON.parse(JSON.stringify(snapshot)) as SnapshotView;
  const printsChits = !snapshot.station.isExpo && (await stationPrintsChits(ctx, snapshot.station.id));
  return (
    <KitchenDisplay
      key={station}
      initial={initial}
      config={pusherClientConfig()}
      locationId={ctx.locationId}
      printsChits={printsChits}
      deviceControls={<DeviceControls ctx={ctx} surface="kitchen" dark />}
    />
  );
}
