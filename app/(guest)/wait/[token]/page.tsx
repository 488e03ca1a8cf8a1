import type { Metadata } from "next";
import { orNotFound } from "@/lib/http/or-not-found";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { getWaitStatus } from "@/lib/waitlist/get-wait-status";
import { WaitStatusView, type WaitStatusJson } from "./_components/wait-status-view";

// A waiting party's status link: public, no sign-in; the token is the only key (ADR 0030).
export const metadata: Metadata = { title: "Your place in line", robots: { index: false, follow: false } };

export default async function WaitStatusPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const status = await orNotFound(getWaitStatus(token));
  return (
    <WaitStatusView
      token={token}
      initial={JSON.parse(JSON.stringify(status)) as WaitStatusJson}
      config={pusherClientConfig()}
    />
  );
}
