import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { getLocation } from "@/lib/locations/get-location";
import { listPurchaseOrders } from "@/lib/inventory/list-purchase-orders";
import { formatCents } from "@/lib/money";
import { EmptyState } from "@/components/ui/empty-state";
import { INVENTORY_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { PoStatusBadge } from "../_components/po-status-badge";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Purchase orders" };

export default async function PurchaseOrdersPage() {
  const ctx = await requireUser("inventory.manage");
  const [orders, location] = await Promise.all([listPurchaseOrders(ctx), getLocation(ctx)]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Inventory</h1>
        <Link
          href="/admin/inventory/purchase-orders/new"
          className="inline-flex min-h-11 items-center rounded-lg bg-gray-900 px-4 font-semibold text-white hover:bg-gray-800"
        >
          New purchase order
        </Link>
      </div>
      <SectionTabs label="Inventory sections" tabs={INVENTORY_TABS} current="purchase-orders" />
      {orders.length === 0 ? (
        <EmptyState title="No purchase orders yet">
          Create one here or from the{" "}
          <Link className="font-semibold underline" href="/admin/inventory/reorder">
            reorder list
          </Link>
          .
        </EmptyState>
      ) : (
        <ScrollRegion label="Purchase orders" className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="po-table">
            <thead className="bg-gray-50 text-gray-600">
              <tr>
                <th className="px-3 py-3">PO</th>
                <th className="px-3 py-3">Supplier</th>
                <th className="px-3 py-3">Status</th>
                <th className="px-3 py-3 text-right">Lines</th>
                <th className="px-3 py-3 text-right">Total</th>
                <th className="px-3 py-3">Created</th>
                <th className="px-3 py-3">Expected</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} className="border-t border-gray-100">
                  <td className="px-3 py-2">
                    <Link className="font-semibold underline" href={`/admin/inventory/purchase-orders/${o.id}`}>
                      #{o.number}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{o.supplier}</td>
                  <td className="px-3 py-2">
                    <PoStatusBadge status={o.status} />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{o.lineCount}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCents(o.totalCents, location.currency)}</td>
                  <td className="px-3 py-2 text-gray-600">{o.createdAt.slice(0, 10)}</td>
                  <td className="px-3 py-2 text-gray-600">{o.expectedAt ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
