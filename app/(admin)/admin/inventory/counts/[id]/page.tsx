import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { getLocation } from "@/lib/locations/get-location";
import { getStockCount } from "@/lib/inventory/get-stock-count";
import { CountSheet } from "../../_components/count-sheet";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata: Metadata = { title: "Stock count" };

export default async function CountPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireUser("inventory.manage");
  const { id } = await params;
  const count = await orNotFound(getStockCount(ctx, id));
  const location = await getLocation(ctx);
  return (
    <div className="max-w-5xl space-y-4">
      <Link href="/admin/inventory/counts" className="text-sm font-semibold text-gray-600 hover:underline">
        ← Stock counts
      </Link>
      <h1 className="text-2xl font-bold">
        {count.note || "Stock count"}{" "}
        <span className="text-base font-normal text-gray-500">({count.status.toLowerCase()})</span>
      </h1>
      <CountSheet count={count} currency={location.currency} />
    </div>
  );
}
