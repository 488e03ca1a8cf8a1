import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { listIngredients } from "@/lib/inventory/list-ingredients";
import { listSuppliers } from "@/lib/inventory/list-suppliers";
import { EmptyState } from "@/components/ui/empty-state";
import { PoEditor } from "../../_components/po-editor";

export const metadata: Metadata = { title: "New purchase order" };

export default async function NewPurchaseOrderPage({ searchParams }: { searchParams: Promise<{ supplier?: string }> }) {
  const ctx = await requireUser("inventory.manage");
  const [{ supplier }, suppliers, ingredients] = await Promise.all([
    searchParams,
    listSuppliers(ctx),
    listIngredients(ctx),
  ]);
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/admin/inventory/purchase-orders" className="text-sm font-semibold text-gray-600 hover:underline">
        ← Purchase orders
      </Link>
      <h1 className="text-2xl font-bold">New purchase order</h1>
      {suppliers.length === 0 ? (
        <EmptyState title="Add a supplier first">
          <Link className="font-semibold underline" href="/admin/inventory/suppliers">
            Suppliers
          </Link>
        </EmptyState>
      ) : (
        <PoEditor
          po={null}
          suppliers={suppliers.map((s) => ({ id: s.id, name: s.name }))}
          ingredients={ingredients.map((i) => ({
            id: i.id,
            name: i.name,
            purchaseUnit: i.purchaseUnit,
            costCents: i.costCentsPerPurchaseUnit,
            supplierId: i.supplier?.id ?? null,
            suggested: i.suggestion?.purchaseUnits ?? null,
          }))}
          defaultSupplierId={supplier}
        />
      )}
    </div>
  );
}
