import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { getLocation } from "@/lib/locations/get-location";
import { getReorderList } from "@/lib/inventory/get-reorder-list";
import { formatQuantity } from "@/lib/inventory/units";
import { toMilli } from "@/lib/inventory/quantity";
import { formatCents } from "@/lib/money";
import { EmptyState } from "@/components/ui/empty-state";
import { INVENTORY_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { ReorderDrafts } from "../_components/reorder-drafts";

export const metadata: Metadata = { title: "Reorder list" };

export default async function ReorderPage() {
  const ctx = await requireUser("inventory.manage");
  const [groups, location] = await Promise.all([getReorderList(ctx), getLocation(ctx)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Inventory</h1>
      <SectionTabs label="Inventory sections" tabs={INVENTORY_TABS} current="reorder" />
      <p className="text-sm text-gray-600">
        Ingredients at or below their reorder point, with whole purchase units that bring them back up to par.
      </p>
      {groups.length === 0 ? (
        <EmptyState title="Nothing to reorder">Every ingredient is above its reorder point.</EmptyState>
      ) : (
        <>
          {groups.map((g) => (
            <section
              key={g.supplier?.id ?? "none"}
              aria-labelledby={`sup-${g.supplier?.id ?? "none"}`}
              className="rounded-xl border border-gray-200 bg-white"
            >
              <header className="flex flex-wrap items-center justify-between gap-2 border-b border-gray-100 px-4 py-3">
                <h2 id={`sup-${g.supplier?.id ?? "none"}`} className="font-semibold">
                  {g.supplier?.name ?? "No default supplier"}
                </h2>
                <span className="text-sm text-gray-600">Estimated {formatCents(g.totalCents, location.currency)}</span>
              </header>
              <table className="w-full text-left text-sm" data-testid="reorder-table">
                <thead className="text-gray-600">
                  <tr>
                    <th className="px-4 py-2">Ingredient</th>
                    <th className="px-4 py-2 text-right">On hand</th>
                    <th className="px-4 py-2 text-right">Reorder at</th>
                    <th className="px-4 py-2 text-right">Par</th>
                    <th className="px-4 py-2 text-right">Suggested order</th>
                    <th className="px-4 py-2 text-right">Cost</th>
                  </tr>
                </thead>
                <tbody>
                  {g.lines.map((l) => (
                    <tr key={l.id} className="border-t border-gray-100" data-testid="reorder-row" data-name={l.name}>
                      <td className="px-4 py-2">
                        <Link className="font-medium underline" href={`/admin/inventory/ingredients/${l.id}`}>
                          {l.name}
                        </Link>
                      </td>
                      <td
                        className={`px-4 py-2 text-right tabular-nums ${toMilli(l.onHand) === 0 ? "font-semibold text-red-700" : ""}`}
                      >
                        {formatQuantity(toMilli(l.onHand), l.baseUnit)}
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">
                        {formatQuantity(toMilli(l.reorderPoint), l.baseUnit)}
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">
                        {formatQuantity(toMilli(l.parLevel), l.baseUnit)}
                      </td>
                      <td className="px-4 py-2 text-right font-semibold tabular-nums" data-testid="suggested">
                        {l.suggestion!.purchaseUnits} × {l.purchaseUnit}{" "}
                        <span className="block text-xs font-normal text-gray-500">
                          = {formatQuantity(l.suggestion!.baseQuantity, l.baseUnit)}
                        </span>
                      </td>
                      <td className="px-4 py-2 text-right tabular-nums">
                        {formatCents(l.suggestion!.costCents, location.currency)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <ReorderDrafts
            suppliers={groups.flatMap((g) =>
              g.supplier ? [{ id: g.supplier.id, name: g.supplier.name, lines: g.lines.length }] : [],
            )}
          />
        </>
      )}
    </div>
  );
}
