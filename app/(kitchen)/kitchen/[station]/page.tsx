import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { KITCHEN_STAFF } from "@/lib/auth/roles";
import { listStations } from "@/lib/kitchen/list-stations";
import { SurfaceHeader } from "@/components/surface-header";

export const metadata: Metadata = { title: "Station" };

export default async function StationPage({ params }: { params: Promise<{ station: string }> }) {
  const ctx = await requireUser(KITCHEN_STAFF);
  const { station: slug } = await params;
  const station = (await listStations(ctx)).find((s) => s.slug === slug);
  if (!station) notFound();
  return (
    <>
      <SurfaceHeader title={station.name} dark />
      <main className="p-6">
        <p className="text-2xl text-gray-300" data-testid="station-empty">No tickets. New orders appear here live.</p>
      </main>
    </>
  );
}
