import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { listMyShifts } from "@/lib/schedule/list-my-shifts";
import { MyShiftsList } from "@/components/schedule/my-shifts-list";

export const metadata: Metadata = { title: "My shifts" };

export default async function FloorMyShifts() {
  const ctx = await requireUser("timeclock.punch");
  const data = await listMyShifts(ctx);
  return (
    <main className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">My upcoming shifts</h1>
      <MyShiftsList data={data} />
    </main>
  );
}
