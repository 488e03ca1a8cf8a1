"use client";

import Link from "next/link";
import { useMemo, useState, useTransition } from "react";
import type { MenuAdminItem } from "@/lib/menu/get-menu-admin";
import { ALLERGENS, ALLERGEN_LABEL } from "@/lib/menu/allergens";
import { formatCents } from "@/lib/money";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/admin/form-field";
import { setMenuItem86Action } from "../actions";
import { BulkPriceDialog } from "./bulk-price-dialog";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Status = "all" | "available" | "86" | "auto";

/** Searchable, filterable menu table with selection for bulk price changes and one-tap 86. */
export function MenuTable({
  items,
  categories,
  currency,
  defaultTaxRateBps,
}: {
  items: MenuAdminItem[];
  categories: { id: string; name: string }[];
  currency: string;
  defaultTaxRateBps: number;
}) {
  const [q, setQ] = useState("");
  const [categoryId, setCategoryId] = useState("");
  const [status, setStatus] = useState<Status>("all");
  const [freeFrom, setFreeFrom] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialogOpen, setDialogOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const visible = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return items.filter(
      (i) =>
        (!needle ||
          i.name.toLowerCase().includes(needle) ||
          i.description.toLowerCase().includes(needle) ||
          i.dietaryTags.some((t) => t.includes(needle))) &&
        (!categoryId || i.categoryId === categoryId) &&
        (status === "all" ||
          (status === "available" && !i.is86d) ||
          (status === "86" && i.is86d) ||
          (status === "auto" && i.eightySixedBy === "AUTO")) &&
        (!freeFrom || !i.allergens.includes(freeFrom as MenuAdminItem["allergens"][number])),
    );
  }, [items, q, categoryId, status, freeFrom]);

  const allVisibleSelected = visible.length > 0 && visible.every((i) => selected.has(i.id));
  const toggleAll = () =>
    setSelected((s) =>
      allVisibleSelected
        ? new Set([...s].filter((id) => !visible.some((v) => v.id === id)))
        : new Set([...s, ...visible.map((v) => v.id)]),
    );
  const toggle = (id: string) =>
    setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  function set86(item: MenuAdminItem) {
    setError(null);
    setPendingId(item.id);
    startTransition(async () => {
      const r = await setMenuItem86Action({ id: item.id, eightySixed: !item.is86d });
      if (!r.ok) setError(r.error);
      setPendingId(null);
    });
  }

  const chosen = items.filter((i) => selected.has(i.id));
  return (
    <div className="space-y-3">
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4" role="search">
        <label className="block">
          <span className="sr-only">Search</span>
          <input
            id="menu-search"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Search name, description, tag…"
            className={inputClass}
            aria-label="Search the menu"
          />
        </label>
        <label className="block">
          <span className="sr-only">Category</span>
          <select
            value={categoryId}
            onChange={(e) => setCategoryId(e.target.value)}
            className={inputClass}
            aria-label="Filter by category"
          >
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="sr-only">Status</span>
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as Status)}
            className={inputClass}
            aria-label="Filter by status"
          >
            <option value="all">Any status</option>
            <option value="available">Available</option>
            <option value="86">86&apos;d</option>
            <option value="auto">86&apos;d: out of stock</option>
          </select>
        </label>
        <label className="block">
          <span className="sr-only">Free from</span>
          <select
            value={freeFrom}
            onChange={(e) => setFreeFrom(e.target.value)}
            className={inputClass}
            aria-label="Free from allergen"
          >
            <option value="">Any allergens</option>
            {ALLERGENS.map((a) => (
              <option key={a} value={a}>
                Free from {ALLERGEN_LABEL[a].toLowerCase()}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-gray-600" aria-live="polite">
        <span>
          {visible.length} of {items.length} items{selected.size > 0 && ` · ${selected.size} selected`}
        </span>
        {selected.size > 0 && (
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
            <Button onClick={() => setDialogOpen(true)} data-testid="bulk-price-open">
              Change prices…
            </Button>
          </div>
        )}
      </div>
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm font-medium text-red-800">
          {error}
        </p>
      )}

      {visible.length === 0 ? (
        <p className="rounded-xl border-2 border-dashed border-gray-300 p-8 text-center text-gray-600">
          No items match these filters.
        </p>
      ) : (
        <ScrollRegion label="Menu items" className="overflow-x-auto rounded-xl border border-gray-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="menu-table">
            <thead className="bg-gray-50 text-gray-600">
              <tr>
                <th className="w-10 px-3 py-3">
                  <input
                    type="checkbox"
                    checked={allVisibleSelected}
                    onChange={toggleAll}
                    aria-label="Select all shown items"
                    className="h-5 w-5"
                  />
                </th>
                <th className="px-3 py-3">Item</th>
                <th className="px-3 py-3">Category</th>
                <th className="px-3 py-3 text-right">Price</th>
                <th className="px-3 py-3">Tax</th>
                <th className="px-3 py-3">Allergens</th>
                <th className="px-3 py-3">Availability</th>
                <th className="px-3 py-3">Status</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((i) => (
                <tr key={i.id} className="border-t border-gray-100 align-top" data-testid="menu-row" data-name={i.name}>
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      checked={selected.has(i.id)}
                      onChange={() => toggle(i.id)}
                      aria-label={`Select ${i.name}`}
                      className="h-5 w-5"
                    />
                  </td>
                  <td className="px-3 py-2">
                    <Link href={`/admin/menu/items/${i.id}`} className="font-semibold text-gray-900 hover:underline">
                      {i.name}
                    </Link>
                    <div className="mt-0.5 flex flex-wrap gap-1">
                      {i.dietaryTags.map((t) => (
                        <Badge key={t} tone="green">
                          {t}
                        </Badge>
                      ))}
                      {!i.hasRecipe && <Badge>no recipe</Badge>}
                    </div>
                  </td>
                  <td className="px-3 py-2 text-gray-700">
                    {i.category}
                    {i.station && <div className="text-xs text-gray-500">{i.station}</div>}
                  </td>
                  <td className="px-3 py-2 text-right font-semibold tabular-nums" data-testid="menu-price">
                    {formatCents(i.priceCents, currency)}
                  </td>
                  <td className="px-3 py-2 tabular-nums text-gray-600">
                    {((i.taxRateBps ?? defaultTaxRateBps) / 100).toFixed(2)} %
                    {i.taxRateBps === null && <span className="text-xs"> (default)</span>}
                  </td>
                  <td className="px-3 py-2 text-xs text-amber-800">
                    {i.allergens.map((a) => ALLERGEN_LABEL[a]).join(", ") || (
                      <span className="text-gray-500">none</span>
                    )}
                  </td>
                  <td className="px-3 py-2 text-xs text-gray-600">
                    {i.windows.length ? i.windows.join(", ") : "All day"}
                    {i.seasonal && (
                      <div>
                        Season {i.seasonal.from ?? "…"} → {i.seasonal.to ?? "…"}
                      </div>
                    )}
                  </td>
                  <td className="px-3 py-2">
                    <button
                      type="button"
                      onClick={() => set86(i)}
                      disabled={pendingId === i.id}
                      aria-pressed={i.is86d}
                      aria-label={i.is86d ? `Bring back ${i.name}` : `86 ${i.name}`}
                      data-testid="toggle-86"
                      className={`min-h-11 min-w-28 rounded-lg px-3 text-sm font-bold ${i.is86d ? "bg-gray-800 text-white hover:bg-gray-700" : "border border-gray-300 bg-white text-gray-900 hover:bg-gray-50"} disabled:opacity-60`}
                    >
                      {pendingId === i.id
                        ? "Saving…"
                        : i.is86d
                          ? i.eightySixedBy === "AUTO"
                            ? "86'd · stock"
                            : "86'd"
                          : "Available"}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {dialogOpen && (
        <BulkPriceDialog
          items={chosen}
          currency={currency}
          onClose={(done) => {
            setDialogOpen(false);
            if (done) {
              setSelected(new Set());
              // The opener goes with the selection: leave focus on the search field, not <body>.
              requestAnimationFrame(() => document.getElementById("menu-search")?.focus());
            }
          }}
        />
      )}
    </div>
  );
}
