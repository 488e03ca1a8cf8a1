"use client";

import { useState } from "react";
import { formatCents } from "@/lib/money";
import { ALLERGEN_LABEL } from "./allergens";
import type { MenuItemView, MenuView } from "./types";

/**
 * Categories down the side, dishes as big touch targets. 86'd dishes and dishes outside their
 * time window ("from 11:00") are shown but not tappable, so a server can answer the guest.
 */
export function MenuPanel({
  menu,
  onPick,
  disabled,
}: {
  menu: MenuView;
  onPick: (item: MenuItemView, categoryName: string) => void;
  disabled: boolean;
}) {
  const [categoryId, setCategoryId] = useState(menu.categories[0]?.id ?? null);
  const category = menu.categories.find((c) => c.id === categoryId) ?? menu.categories[0];
  if (!category) return <p className="p-6 text-lg text-gray-600">Nothing is on the menu right now.</p>;
  return (
    <div className="flex min-h-0 flex-1 gap-3">
      <nav aria-label="Menu categories" className="flex w-40 shrink-0 flex-col gap-2 overflow-y-auto">
        {menu.categories.map((c) => (
          <button
            key={c.id}
            type="button"
            aria-pressed={c.id === category.id}
            onClick={() => setCategoryId(c.id)}
            className={`min-h-14 rounded-xl px-3 text-left font-bold leading-tight ${c.id === category.id ? "bg-gray-900 text-white" : "bg-white text-gray-900 shadow-sm"}`}
          >
            {c.name}
          </button>
        ))}
      </nav>
      <ul
        className="grid min-h-0 flex-1 auto-rows-min grid-cols-3 gap-2 overflow-y-auto pb-2"
        aria-label={`${category.name} dishes`}
      >
        {category.items.map((item) => {
          const unavailable = item.is86d || item.availableFrom !== null;
          return (
            <li key={item.id}>
              <button
                type="button"
                disabled={unavailable || disabled}
                onClick={() => onPick(item, category.name)}
                data-testid="menu-item"
                data-available-from={item.availableFrom ?? undefined}
                aria-label={`${item.name}${item.is86d ? ", 86'd, unavailable" : item.availableFrom ? `, not available until ${item.availableFrom}` : ""}`}
                className="flex h-full min-h-24 w-full flex-col justify-between rounded-xl border-2 border-transparent bg-white p-3 text-left shadow-sm transition active:scale-[0.98] enabled:hover:border-gray-400 disabled:cursor-not-allowed disabled:bg-gray-200 disabled:text-gray-500"
              >
                <span className="font-bold leading-tight">{item.name}</span>
                <span className="mt-1 flex flex-wrap items-end justify-between gap-1">
                  {item.is86d ? (
                    <span className="rounded bg-gray-700 px-1.5 text-xs font-bold uppercase text-white">86&apos;d</span>
                  ) : item.availableFrom ? (
                    <span className="whitespace-nowrap rounded bg-gray-700 px-1.5 text-xs font-bold text-white">
                      from {item.availableFrom}
                    </span>
                  ) : (
                    <span className="text-sm text-gray-700">
                      {formatCents(item.priceCents, menu.location.currency)}
                    </span>
                  )}
                  {item.availableFrom && !item.is86d && (
                    <span className="text-sm">{formatCents(item.priceCents, menu.location.currency)}</span>
                  )}
                  {item.modifierGroups.length > 0 && !unavailable && (
                    <span className="text-xs text-gray-500">options</span>
                  )}
                </span>
                {item.allergens.length > 0 && (
                  <span
                    className="mt-1 line-clamp-2 text-[11px] font-semibold uppercase leading-tight text-amber-800"
                    title="Allergens"
                  >
                    ⚠ {item.allergens.map((a) => ALLERGEN_LABEL[a] ?? a).join(" · ")}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
