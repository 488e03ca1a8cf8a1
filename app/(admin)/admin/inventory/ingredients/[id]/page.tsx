import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

import { getIngredient } from "@/lib/inventory/get-ingredient";
import { getIngredientLedger } from "@/lib/inventory/get-ingredient-ledger";
import { listSuppliers } from "@/lib/inventory/list-suppliers";
import { formatQuantity, ENTRY_UNITS } from "@/lib/inventory/units";
import { toMilli } from "@/lib/inventory/quantity";
import { Card } from "@/components/ui/card";
import { BalanceLineChart } from "@/components/charts/balance-line-chart";
import { IngredientForm } from "../../_components/ingredient-form";
import { AdjustStockForm } from "../../_components/adjust-stock-form";
import { LedgerTable } from "../../_components/ledger-table";
import { ArchiveIngredient } from "../../_components/archive-ingredient";
import { orNotFound } from "@/lib/http/or-not-found";

export const metadata: Metadata = { title: "Ingredient" };

export default async function IngredientPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const ctx = await requireUser("inventory.manage");
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const ingredient = await orNotFound(getIngredient(ctx, id));
  const [ledger, suppliers] = await Promise.all([
    getIngredientLedger(ctx, { ingredientId: id, limit: 100 }),
    listSuppliers(ctx),
  ]);
  const unit = ingredient.baseUnit;
  const label = { G: "g", ML: "ml", EACH: "each" }[unit];
  const chart = [...ledger.movements].reverse().map((m) => ({ at: m.at, balance: Number(m.balanceAfter) }));
  return (
    <div className="max-w-5xl space-y-4">
      <Link href="/admin/inventory" className="text-sm font-semibold text-gray-600 hover:underline">
        ← Inventory
      </Link>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">
          {ingredient.name}
          {ingredient.archived && " (archived)"}
        </h1>
        <p className="text-lg">
          On hand:{" "}
          <strong className="tabular-nums" data-testid="ingredient-on-hand">
            {formatQuantity(toMilli(ingredient.onHand), unit)}
          </strong>
        </p>
      </div>
      {saved && (
        <p role="status" className="rounded-lg bg-green-50 p-3 text-sm font-medium text-green-800">
          Saved.
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Level over time">
          <BalanceLineChart
            data={chart}
            unit={label}
            par={Number(ingredient.parLevel)}
            reorderPoint={Number(ingredient.reorderPoint)}
            label={`${ingredient.name} on hand`}
          />
        </Card>
        <Card title="Adjust stock">
          <AdjustStockForm ingredientId={ingredient.id} units={Object.keys(ENTRY_UNITS[unit])} baseLabel={label} />
        </Card>
      </div>
      <Card title="Ledger: every movement, newest first">
        <LedgerTable
          ingredientId={ingredient.id}
          baseUnit={unit}
          initial={ledger.movements}
          nextCursor={ledger.nextCursor}
        />
      </Card>
      <Card title="Used in">
        {ingredient.usedIn.length === 0 ? (
          <p className="text-sm text-gray-500">No recipe uses this ingredient.</p>
        ) : (
          <ul className="text-sm">
            {ingredient.usedIn.map((u, i) => (
              <li key={i}>
                {u.menuItem ? (
                  <Link className="underline" href={`/admin/inventory/recipes?item=${u.menuItem.id}`}>
                    {u.menuItem.name}
                  </Link>
                ) : (
                  <Link className="underline" href={`/admin/inventory/recipes?modifier=${u.modifier?.id}`}>
                    {u.modifier?.name} (modifier)
                  </Link>
                )}
                : {formatQuantity(toMilli(u.quantity), unit)} per portion
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Details">
        <IngredientForm ingredient={ingredient} suppliers={suppliers} hasHistory={ledger.movements.length > 0} />
      </Card>
      {!ingredient.archived && <ArchiveIngredient id={ingredient.id} name={ingredient.name} />}
    </div>
  );
}
