import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findGuestTable } from "@/lib/guest/find-guest-table";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { GuestApp } from "./_components/guest-app";

// A table's QR code lands here, no sign-in. The page names the table; whether it has a session is
// the backend's answer to a correct PIN only (ADR 0034). A rotated or made-up card is not found.
export const metadata: Metadata = { title: "Order from your table", robots: { index: false, follow: false } };

export default async function GuestTablePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const table = await findGuestTable(token);
  if (!table) notFound();
  return <GuestApp token={token} table={table} config={pusherClientConfig()} />;
}
