import type { Metadata } from "next";
import Link from "next/link";
import type { Ctx } from "@/lib/auth/context";
import { requireUser } from "@/lib/auth/session";

import { getLocation } from "@/lib/locations/get-location";
import { listIngredients } from "@/lib/inventory/list-ingredients";
import { formatCents } from "@/lib/money";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { INVENTORY_TABS, SectionTabs } from "@/components/admin/section-tabs";
import { IngredientTable } from "./_components/ingredient-table";

export const metadata: Metadata = { title: "Inventory" };

export default async function InventoryPage() {
  // Auth before anything streams, so a wrong role gets a real 403 status.
  const ctx = await requireUser("inventory.manage");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Inventory</h1>
        <div className="flex flex-wrap gap-2">
          <Link
            href="/admin/inventory/waste"
            className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
          >
            Log waste
          </Link>
          <Link
            href="/admin/inventory/counts"
            className="inline-flex min-h-11 items-center rounded-lg border border-gray-300 bg-white px-4 font-semibold hover:bg-gray-50"
          >
            Count stock
          </Link>
          <Link
            href="/admin/inventory/ingredients/new"
            className="inline-flex min-h-11 items-center rounded-lg bg-gray-900 px-4 font-semibold text-white hover:bg-gray-800"
          >
            New ingredient
          </Link>
        </div>
      </div>
      <SectionTabs label="Inventory sections" tabs={INVENTORY_TABS} current="ingredients" />
      <IngredientsSection ctx={ctx} />
    </div>
  );
}

async function IngredientsSection({ ctx }: { ctx: Ctx }) {
  const [rows, location] = await Promise.all([listIngredients(ctx), getLocation(ctx)]);
  const low = rows.filter((r) => r.low).length;
  const out = rows.filter((r) => Number(r.onHand) === 0).length;
  return (
    <>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Card>
          <p className="text-sm text-gray-500">Ingredients</p>
          <p className="text-2xl font-bold tabular-nums">{rows.length}</p>
        </Card>
        <Card>
          <p className="text-sm text-gray-500">Stock value</p>
          <p className="text-2xl font-bold tabular-nums">
            {formatCents(
              rows.reduce((s, r) => s + r.valueCents, 0),
              location.currency,
            )}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-gray-500">At or below reorder point</p>
          <p className={`text-2xl font-bold tabular-nums ${low ? "text-amber-600" : ""}`}>{low}</p>
        </Card>
        <Card>
          <p className="text-sm text-gray-500">Out of stock</p>
          <p className={`text-2xl font-bold tabular-nums ${out ? "text-red-600" : ""}`}>{out}</p>
        </Card>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No ingredients yet">
          <Link className="font-semibold underline" href="/admin/inventory/ingredients/new">
            Add one
          </Link>{" "}
          or{" "}
          <Link className="font-semibold underline" href="/admin/inventory/import">
            import a CSV
          </Link>
          .
        </EmptyState>
      ) : (
        <IngredientTable rows={rows} currency={location.currency} />
      )}
    </>
  );
}
