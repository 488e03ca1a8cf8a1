import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { listMyShifts } from "@/lib/schedule/list-my-shifts";
import { MyShiftsList } from "@/components/schedule/my-shifts-list";
import { SurfaceHeader } from "@/components/surface-header";

export const metadata: Metadata = { title: "My shifts" };

export default async function KitchenMyShifts() {
  const ctx = await requireUser("timeclock.punch");
  const data = await listMyShifts(ctx);
  return (
    <>
      <SurfaceHeader title="Kitchen" dark>
        <Link href="/kitchen" className="inline-flex min-h-11 items-center rounded-lg px-3 font-bold hover:bg-gray-800">
          Stations
        </Link>
      </SurfaceHeader>
      <main className="mx-auto max-w-4xl space-y-4 p-6">
        <h1 className="text-4xl font-black">My upcoming shifts</h1>
        <MyShiftsList data={data} dark />
      </main>
    </>
  );
}
