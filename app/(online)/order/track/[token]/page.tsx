import type { Metadata } from "next";
import { orNotFound } from "@/lib/http/or-not-found";
import { getOnlineTracking, type OnlineTracking } from "@/lib/online/get-online-tracking";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { TrackingView } from "./_components/tracking-view";

// An online order's tracking link: public, no sign-in; the token is the only key (ADR 0046).
export const metadata: Metadata = { title: "Your order", robots: { index: false, follow: false } };

export default async function TrackOrderPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const tracking = await orNotFound(getOnlineTracking(token));
  return (
    <TrackingView
      token={token}
      initial={JSON.parse(JSON.stringify(tracking)) as OnlineTracking}
      config={pusherClientConfig()}
    />
  );
}
