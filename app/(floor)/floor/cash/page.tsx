import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { can } from "@/lib/auth/permissions";
import { listOpenDrawers } from "@/lib/cash/list-drawers";
import { CashDrawers, type DrawerItem } from "./_components/cash-drawers";

export const metadata: Metadata = { title: "Cash drawers" };

export default async function FloorCash() {
  const ctx = await requireUser("cash.drawer");
  const open = await listOpenDrawers(ctx);
  const drawers = JSON.parse(JSON.stringify(open.drawers)) as DrawerItem[];
  return (
    <main className="mx-auto max-w-5xl space-y-4">
      <div>
        <h1 className="text-2xl font-bold">Cash drawers</h1>
        <p className="text-gray-600">
          Open a drawer with its float, record money in and out with a reason, and count it at the end of the shift.
        </p>
      </div>
      <CashDrawers
        initial={drawers}
        myUserId={ctx.userId}
        seesExpected={can(ctx, "reports.money")}
        currency={open.currency}
        timeZone={open.timeZone}
      />
    </main>
  );
}
