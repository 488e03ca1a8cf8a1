import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { WaitlistScreen } from "./_components/waitlist-screen";

export const metadata: Metadata = { title: "Waitlist" };

// The waitlist on its own (a second tablet at the door); the host stand mounts the same panel.
export default async function WaitlistPage() {
  const ctx = await requireUser("reservations.read");
  return <WaitlistScreen locationId={ctx.locationId} config={pusherClientConfig()} />;
}
