import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getDispatchBoard } from "@/lib/delivery/get-dispatch-board";
import { getLocation } from "@/lib/locations/get-location";
import { pusherClientConfig } from "@/lib/realtime/pusher-server";
import { SurfaceHeader } from "@/components/surface-header";
import { DispatchBoard, type BoardView } from "./_components/dispatch-board";

export const metadata: Metadata = { title: "Dispatch" };

/** The expo's (or a manager's) delivery dispatch: ready orders, suggested routes, drivers, routes under way. */
export default async function DispatchPage() {
  const ctx = await requireUser("delivery.dispatch");
  const [board, location] = await Promise.all([getDispatchBoard(ctx), getLocation(ctx)]);
  const initial = JSON.parse(JSON.stringify(board)) as BoardView;
  return (
    <>
      <SurfaceHeader title="Dispatch" dark>
        <Link href="/kitchen" className="inline-flex min-h-11 items-center rounded-lg px-3 font-bold hover:bg-gray-800">
          Stations
        </Link>
      </SurfaceHeader>
      <DispatchBoard
        initial={initial}
        config={pusherClientConfig()}
        locationId={ctx.locationId}
        timeZone={location.timezone}
      />
    </>
  );
}
