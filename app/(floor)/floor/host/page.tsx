import type { Metadata } from "next";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getLocation } from "@/lib/locations/get-location";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { isoDate, localDateOf } from "@/lib/time/zoned";
import { HostStand } from "./_components/host-stand";

export const metadata: Metadata = { title: "Host stand" };

export default async function HostPage() {
  const ctx = await requireUser("reservations.read");
  const location = await getLocation(ctx);
  return (
    <HostStand
      config={pusherClientConfig()}
      locationId={ctx.locationId}
      today={isoDate(localDateOf(new Date(), location.timezone))}
      timezone={location.timezone}
      canManage={can(ctx, "reservations.manage")}
    />
  );
}
