import type { Metadata } from "next";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

import { getLocation } from "@/lib/locations/get-location";
import { listFloor } from "@/lib/tables/list-floor";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { FloorView, type FloorAreaView } from "./_components/floor-view";

export const metadata: Metadata = { title: "Floor" };

export default async function FloorPage() {
  const ctx = await requireUser("floor.use");
  const [areas, location] = await Promise.all([listFloor(ctx), getLocation(ctx)]);
  // Plain JSON (dates as strings), the same shape the client refetches from /api/v1/floor.
  const initialAreas = JSON.parse(JSON.stringify(areas)) as FloorAreaView[];
  return (
    <FloorView
      initialAreas={initialAreas}
      config={pusherClientConfig()}
      locationId={ctx.locationId}
      currency={location.currency}
      hostStandLink={can(ctx, "reservations.manage") && can(ctx, "payments.take")}
      onlineOrdersLink={can(ctx, "online.orders") && can(ctx, "payments.take")}
    />
  );
}
