import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getLocation } from "@/lib/locations/get-location";
import { listOpenChecks } from "@/lib/checks/list-open-checks";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { OpenChecks, type OpenCheckView } from "./_components/open-checks";

export const metadata: Metadata = { title: "Open checks" };

/** The cashier's landing: every open order with what it owes, oldest first, live. */
export default async function OpenChecksPage() {
  const ctx = await requireUser("floor.use");
  const [orders, location] = await Promise.all([listOpenChecks(ctx), getLocation(ctx)]);
  return (
    <OpenChecks
      initialOrders={JSON.parse(JSON.stringify(orders)) as OpenCheckView[]}
      config={pusherClientConfig()}
      locationId={ctx.locationId}
      currency={location.currency}
    />
  );
}
