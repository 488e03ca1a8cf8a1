import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { listMyDeliveries } from "@/lib/driver/list-my-deliveries";
import { driverChannel } from "@/lib/realtime/events";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { DriverApp } from "./_components/driver-app";

export const metadata: Metadata = { title: "Deliveries" };

export default async function DriverPage() {
  const ctx = await requireUser("delivery.drive");
  const initial = JSON.parse(JSON.stringify(await listMyDeliveries(ctx)));
  return (
    <DriverApp initial={initial} config={pusherClientConfig()} channel={driverChannel(ctx.locationId, ctx.userId)} />
  );
}
