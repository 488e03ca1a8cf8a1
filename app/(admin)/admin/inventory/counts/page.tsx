import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { listStockCounts } from "@/lib/inventory/list-stock-counts";
import { Badge } from "@/components/ui/badge";
import { INVENTORY_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { StartCountForm } from "../_components/start-count-form";

export const metadata: Metadata = { title: "Stock counts" };

export default async function CountsPage() {
  const ctx = await requireUser("inventory.manage");
  const counts = await listStockCounts(ctx);
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold">Inventory</h1>
      <SectionTabs label="Inventory sections" tabs={INVENTORY_TABS} current="counts" />
      <section aria-labelledby="start" className="rounded-xl border border-gray-200 bg-white p-4">
        <h2 id="start" className="mb-2 font-semibold">
          Start a count
        </h2>
        <p className="mb-3 text-sm text-gray-600">
          The current levels are taken as &quot;expected&quot;. Enter what you count; posting applies the differences as
          count corrections (sales made while counting are kept).
        </p>
        <StartCountForm />
      </section>
      {counts.length > 0 && (
        <ul className="divide-y divide-gray-100 rounded-xl border border-gray-200 bg-white" aria-label="Counts">
          {counts.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
              <Link href={`/admin/inventory/counts/${c.id}`} className="font-semibold underline">
                {c.note || "Stock count"}
              </Link>
              <Badge tone={c.status === "OPEN" ? "blue" : c.status === "POSTED" ? "green" : "gray"}>
                {c.status.toLowerCase()}
              </Badge>
              <span className="text-sm text-gray-600">
                {c.createdAt.slice(0, 16).replace("T", " ")} · {c.createdBy ?? "—"} · {c.lines} lines
                {c.status === "POSTED" && ` · ${c.corrections} corrections`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
