import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";

import { listSuppliers } from "@/lib/inventory/list-suppliers";
import { INVENTORY_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { SupplierForm } from "../_components/supplier-form";

export const metadata: Metadata = { title: "Suppliers" };

export default async function SuppliersPage() {
  const ctx = await requireUser("inventory.manage");
  const suppliers = await listSuppliers(ctx);
  return (
    <div className="max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold">Inventory</h1>
      <SectionTabs label="Inventory sections" tabs={INVENTORY_TABS} current="suppliers" />
      {suppliers.length === 0 && <p className="text-sm text-gray-600">No suppliers yet.</p>}
      {suppliers.map((s) => (
        <details key={s.id} className="rounded-xl border border-gray-200 bg-white">
          <summary className="flex min-h-12 cursor-pointer flex-wrap items-center gap-3 px-4 py-2">
            <span className="font-semibold">{s.name}</span>
            <span className="text-sm text-gray-600">
              {[s.contactName, s.email, s.phone].filter(Boolean).join(" · ")}
            </span>
            <span className="ml-auto text-sm text-gray-500">
              {s.ingredientCount} ingredients · {s.purchaseOrderCount} POs · {s.leadTimeDays} day lead time
            </span>
          </summary>
          <div className="border-t border-gray-100 p-4">
            <SupplierForm supplier={s} />
          </div>
        </details>
      ))}
      <section aria-labelledby="new-supplier" className="rounded-xl border border-gray-200 bg-white p-4">
        <h2 id="new-supplier" className="mb-3 font-semibold">
          New supplier
        </h2>
        <SupplierForm key={suppliers.length} supplier={null} />
      </section>
    </div>
  );
}
