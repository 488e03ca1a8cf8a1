import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";

import { listStations } from "@/lib/kitchen/list-stations";
import { getStationSnapshot } from "@/lib/kitchen/get-station-snapshot";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { DeviceControls } from "@/components/device-controls";
import { KitchenDisplay, type SnapshotView } from "../_components/kitchen-display";

export const metadata: Metadata = { title: "Expo" };

/** The pass: every station's tickets; a ticket whose lines are all bumped can be marked ready. */
export default async function ExpoPage() {
  const ctx = await requireUser("kitchen.work");
  const expo = (await listStations(ctx)).find((s) => s.isExpo);
  if (!expo) notFound();
  const snapshot = await getStationSnapshot(ctx, { station: expo.slug });
  const initial = JSON.parse(JSON.stringify(snapshot)) as SnapshotView;
  return (
    <KitchenDisplay
      initial={initial}
      config={pusherClientConfig()}
      locationId={ctx.locationId}
      deviceControls={<DeviceControls ctx={ctx} surface="kitchen" dark />}
    />
  );
}
