"use client";

import { useMemo, useState } from "react";
import { formatCents } from "@/lib/money";
import type { GuestMenuJson, MenuItem } from "./guest-api";
import { NO_FILTERS, filterOptions, passes, tagLabel, type MenuFilters } from "./menu-filters";

function availableText(from: string | null): string {
  if (!from) return "Sold out";
  const at = new Date(from);
  if (Number.isNaN(at.getTime())) return `Available from ${from}`;
  return `Available from ${at.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" })}`;
}

function Toggle({ on, label, onClick, testId }: { on: boolean; label: string; onClick: () => void; testId: string }) {
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={onClick}
      data-testid={testId}
      className={`min-h-11 rounded-full border-2 px-4 font-semibold ${on ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white text-gray-900"}`}
    >
      {label}
    </button>
  );
}

/** The guest menu: sticky category chips, filters, and dish cards that open the item sheet. */
export function MenuView({ menu, onOpen }: { menu: GuestMenuJson; onOpen: (item: MenuItem) => void }) {
  const [filters, setFilters] = useState<MenuFilters>(NO_FILTERS);
  const [showFilters, setShowFilters] = useState(false);
  const options = useMemo(() => filterOptions(menu), [menu]);
  const categories = menu.categories
    .map((c) => ({ ...c, items: c.items.filter((i) => passes(i, filters)) }))
    .filter((c) => c.items.length > 0);
  const active = filters.hideAllergens.length + filters.onlyDietary.length;
  const hidden =
    menu.categories.reduce((n, c) => n + c.items.length, 0) - categories.reduce((n, c) => n + c.items.length, 0);
  const flip = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  return (
    <div>
      <nav
        aria-label="Menu sections"
        className="sticky top-0 z-10 -mx-4 flex gap-2 overflow-x-auto border-b border-gray-200 bg-gray-50/95 px-4 py-2 backdrop-blur"
      >
        <button
          type="button"
          aria-expanded={showFilters}
          aria-controls="menu-filters"
          onClick={() => setShowFilters((s) => !s)}
          className={`min-h-11 shrink-0 rounded-full border-2 px-4 font-semibold ${active ? "border-brand-600 bg-brand-50 text-brand-700" : "border-gray-300 bg-white"}`}
          data-testid="filters-toggle"
        >
          Filters{active ? ` · ${active}` : ""}
        </button>
        {categories.map((c) => (
          <a
            key={c.id}
            href={`#cat-${c.id}`}
            className="flex min-h-11 shrink-0 items-center rounded-full border-2 border-gray-300 bg-white px-4 font-semibold whitespace-nowrap"
          >
            {c.name}
          </a>
        ))}
      </nav>

      {showFilters && (
        <section id="menu-filters" aria-label="Filters" className="mt-3 space-y-4 rounded-2xl bg-white p-4 shadow-sm">
          {options.allergens.length > 0 && (
            <div>
              <h2 className="mb-2 font-bold">Hide dishes containing…</h2>
              <div className="flex flex-wrap gap-2">
                {options.allergens.map((a) => (
                  <Toggle
                    key={a}
                    on={filters.hideAllergens.includes(a)}
                    label={tagLabel(a)}
                    testId={`filter-allergen-${a}`}
                    onClick={() => setFilters((f) => ({ ...f, hideAllergens: flip(f.hideAllergens, a) }))}
                  />
                ))}
              </div>
            </div>
          )}
          {options.dietary.length > 0 && (
            <div>
              <h2 className="mb-2 font-bold">Only show…</h2>
              <div className="flex flex-wrap gap-2">
                {options.dietary.map((d) => (
                  <Toggle
                    key={d}
                    on={filters.onlyDietary.includes(d)}
                    label={tagLabel(d)}
                    testId={`filter-diet-${d}`}
                    onClick={() => setFilters((f) => ({ ...f, onlyDietary: flip(f.onlyDietary, d) }))}
                  />
                ))}
              </div>
            </div>
          )}
          {active > 0 && (
            <button
              type="button"
              onClick={() => setFilters(NO_FILTERS)}
              className="min-h-11 font-semibold text-gray-700 underline"
            >
              Clear filters
            </button>
          )}
        </section>
      )}

      {active > 0 && (
        <p className="mt-3 text-sm text-gray-700" role="status" data-testid="filter-status">
          {hidden === 1 ? "1 dish hidden" : `${hidden} dishes hidden`} by your filters. Always tell your server about
          allergies.
        </p>
      )}

      {categories.length === 0 && (
        <p className="mt-6 rounded-2xl border-2 border-dashed border-gray-300 p-8 text-center text-gray-700">
          {active ? "No dishes match your filters." : "The menu is empty right now. Please ask your server."}
        </p>
      )}

      {categories.map((c) => (
        <section key={c.id} id={`cat-${c.id}`} aria-labelledby={`cat-${c.id}-h`} className="scroll-mt-16 pt-5">
          <h2 id={`cat-${c.id}-h`} className="mb-3 text-xl font-black">
            {c.name}
          </h2>
          <ul className="space-y-3">
            {c.items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  onClick={() => onOpen(item)}
                  className={`flex w-full gap-3 rounded-2xl border border-gray-200 bg-white p-3 text-left shadow-sm ${item.available ? "" : "opacity-70"}`}
                  data-testid="menu-item"
                  data-name={item.name}
                >
                  <span className="min-w-0 flex-1">
                    <span className="block text-lg font-bold">{item.name}</span>
                    {item.description && (
                      <span className="mt-0.5 line-clamp-2 block text-sm text-gray-700">{item.description}</span>
                    )}
                    <span className="mt-2 flex flex-wrap items-center gap-1.5">
                      <span className="mr-1 font-bold">{formatCents(item.priceCents, menu.currency)}</span>
                      {!item.available && (
                        <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-bold text-red-800">
                          {availableText(item.availableFrom)}
                        </span>
                      )}
                      {item.dietaryTags.map((d) => (
                        <span
                          key={d}
                          className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900"
                        >
                          {tagLabel(d)}
                        </span>
                      ))}
                      {item.allergens.map((a) => (
                        <span
                          key={a}
                          className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900"
                        >
                          {tagLabel(a)}
                        </span>
                      ))}
                    </span>
                  </span>
                  {item.photoUrl && (
                    // eslint-disable-next-line @next/next/no-img-element -- menu photos may live on any CDN
                    <img
                      src={item.photoUrl}
                      alt=""
                      loading="lazy"
                      className="size-24 shrink-0 rounded-xl object-cover"
                    />
                  )}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
