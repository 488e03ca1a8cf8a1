import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

import { listStations } from "@/lib/kitchen/list-stations";
import { SurfaceHeader } from "@/components/surface-header";
import { TimeClockButton } from "@/components/time-clock/time-clock-button";

export const metadata: Metadata = { title: "Kitchen" };

export default async function KitchenHome() {
  const ctx = await requireUser("kitchen.work");
  const stations = await listStations(ctx);
  return (
    <>
      <SurfaceHeader title="Kitchen" dark>
        {can(ctx, "delivery.dispatch") && (
          <Link
            href="/kitchen/dispatch"
            className="inline-flex min-h-11 items-center rounded-lg px-3 font-bold hover:bg-gray-800"
            data-testid="nav-dispatch"
          >
            Dispatch
          </Link>
        )}
        <Link
          href="/kitchen/my-shifts"
          className="inline-flex min-h-11 items-center rounded-lg px-3 font-bold hover:bg-gray-800"
        >
          My shifts
        </Link>
        <TimeClockButton dark />
      </SurfaceHeader>
      <main className="p-6">
        <h1 className="mb-6 text-3xl font-bold">Choose this screen&apos;s station</h1>
        <ul className="grid grid-cols-2 gap-4 lg:grid-cols-3" data-testid="station-list">
          {stations.map((s) => (
            <li key={s.id}>
              <Link
                href={s.isExpo ? "/kitchen/expo" : `/kitchen/${s.slug}`}
                className={`flex min-h-32 flex-col justify-between rounded-2xl border-4 p-6 ${s.isExpo ? "border-amber-400" : "border-gray-600"} hover:bg-gray-900`}
              >
                <span className="text-4xl font-black">{s.name}</span>
                <span className="text-xl text-gray-300">
                  {s.liveItems} live item{s.liveItems === 1 ? "" : "s"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
