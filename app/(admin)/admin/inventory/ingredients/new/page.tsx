import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { listSuppliers } from "@/lib/inventory/list-suppliers";
import { IngredientForm } from "../../_components/ingredient-form";

export const metadata: Metadata = { title: "New ingredient" };

export default async function NewIngredientPage() {
  const ctx = await requireUser("inventory.manage");
  const suppliers = await listSuppliers(ctx);
  return (
    <div className="max-w-3xl space-y-4">
      <Link href="/admin/inventory" className="text-sm font-semibold text-gray-600 hover:underline">
        ← Inventory
      </Link>
      <h1 className="text-2xl font-bold">New ingredient</h1>
      <IngredientForm ingredient={null} suppliers={suppliers} hasHistory={false} />
    </div>
  );
}
