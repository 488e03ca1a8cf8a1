"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import type { IngredientRow } from "@/lib/inventory/list-ingredients";
import { formatQuantity } from "@/lib/inventory/units";
import { toMilli } from "@/lib/inventory/quantity";
import { formatCents } from "@/lib/money";
import { Badge } from "@/components/ui/badge";
import { inputClass } from "@/components/admin/form-field";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Filter = "all" | "low" | "out" | "unused";

/** Ingredients with a stock bar against par; search and filter in the browser. */
export function IngredientTable({ rows, currency }: { rows: IngredientRow[]; currency: string }) {
  const [q, setQ] = useState("");
  const [filter, setFilter] = useState<Filter>("all");
  const [supplier, setSupplier] = useState("");
  const suppliers = useMemo(
    () => [...new Map(rows.filter((r) => r.supplier).map((r) => [r.supplier!.id, r.supplier!.name])).entries()],
    [rows],
  );
  const visible = rows.filter(
    (r) =>
      (!q || r.name.toLowerCase().includes(q.toLowerCase()) || (r.sku ?? "").toLowerCase().includes(q.toLowerCase())) &&
      (filter === "all" ||
        (filter === "low" && r.low) ||
        (filter === "out" && toMilli(r.onHand) === 0) ||
        (filter === "unused" && r.recipeCount === 0)) &&
      (!supplier || r.supplier?.id === supplier),
  );
  const q2 = (v: string, r: IngredientRow) => formatQuantity(toMilli(v), r.baseUnit);
  return (
    <div className="space-y-3">
      <div className="grid gap-2 sm:grid-cols-3" role="search">
        <input
          type="search"
          aria-label="Search ingredients"
          placeholder="Search name or SKU…"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className={inputClass}
        />
        <select
          aria-label="Filter by stock"
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
          className={inputClass}
        >
          <option value="all">All ingredients</option>
          <option value="low">At or below reorder point</option>
          <option value="out">Out of stock</option>
          <option value="unused">In no recipe</option>
        </select>
        <select
          aria-label="Filter by supplier"
          value={supplier}
          onChange={(e) => setSupplier(e.target.value)}
          className={inputClass}
        >
          <option value="">All suppliers</option>
          {suppliers.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <p className="text-sm text-gray-600" aria-live="polite">
        {visible.length} of {rows.length} ingredients
      </p>
      <ScrollRegion label="Ingredients" className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="ingredient-table">
          <thead className="bg-gray-50 text-gray-600">
            <tr>
              <th className="px-3 py-3">Ingredient</th>
              <th className="px-3 py-3 text-right">On hand</th>
              <th className="w-40 px-3 py-3">
                <span className="sr-only">Level against par</span>
              </th>
              <th className="px-3 py-3 text-right">Reorder at</th>
              <th className="px-3 py-3 text-right">Par</th>
              <th className="px-3 py-3">Bought as</th>
              <th className="px-3 py-3 text-right">Value</th>
              <th className="px-3 py-3">Supplier</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => {
              const pct = Math.min(
                100,
                toMilli(r.parLevel) > 0 ? (toMilli(r.onHand) / toMilli(r.parLevel)) * 100 : 100,
              );
              return (
                <tr key={r.id} className="border-t border-gray-100" data-testid="ingredient-row" data-name={r.name}>
                  <td className="px-3 py-2">
                    <Link className="font-semibold hover:underline" href={`/admin/inventory/ingredients/${r.id}`}>
                      {r.name}
                    </Link>
                    {r.sku && <span className="ml-1 text-xs text-gray-500">{r.sku}</span>}
                    <div className="mt-0.5 flex gap-1">
                      {toMilli(r.onHand) === 0 ? (
                        <Badge tone="red">out</Badge>
                      ) : (
                        r.low && <Badge tone="amber">low</Badge>
                      )}
                      {r.suggestion && (
                        <span className="text-xs text-gray-500">
                          order {r.suggestion.purchaseUnits} × {r.purchaseUnit}
                        </span>
                      )}
                    </div>
                  </td>
                  <td
                    className="whitespace-nowrap px-3 py-2 text-right font-semibold tabular-nums"
                    data-testid="on-hand"
                  >
                    {q2(r.onHand, r)}
                  </td>
                  <td className="px-3 py-2">
                    <div className="h-2.5 w-full rounded-full bg-gray-100" aria-hidden>
                      <div
                        className={`h-full rounded-full ${r.low ? "bg-amber-500" : "bg-green-600"}`}
                        style={{ width: `${pct}%` }}
                      />
                    </div>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-gray-600">
                    {q2(r.reorderPoint, r)}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-gray-600">
                    {q2(r.parLevel, r)}
                  </td>
                  <td className="px-3 py-2 text-gray-600">
                    {r.purchaseUnit}{" "}
                    <span className="text-xs">
                      ({q2(r.purchaseUnitSize, r)}, {formatCents(r.costCentsPerPurchaseUnit, currency)})
                    </span>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatCents(r.valueCents, currency)}</td>
                  <td className="px-3 py-2 text-gray-600">{r.supplier?.name ?? "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {visible.length === 0 && <p className="p-6 text-center text-gray-500">No ingredients match.</p>}
      </ScrollRegion>
    </div>
  );
}
