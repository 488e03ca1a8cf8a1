"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { formatCents } from "@/lib/money";
import { MAX_QUANTITY, type NewLine } from "./cart-edits";
import type { MenuItem, MenuModifierGroup } from "./guest-api";
import { tagLabel } from "./menu-filters";

function groupRule(g: MenuModifierGroup): string {
  if (g.minSelect === 1 && g.maxSelect === 1) return "Choose 1";
  if (g.minSelect > 0 && g.maxSelect > g.minSelect) return `Choose ${g.minSelect} to ${g.maxSelect}`;
  if (g.minSelect > 0) return `Choose ${g.minSelect}`;
  return g.maxSelect > 0 ? `Optional, up to ${g.maxSelect}` : "Optional";
}

const delta = (cents: number, currency: string) =>
  cents === 0 ? "" : `${cents > 0 ? "+" : "−"}${formatCents(Math.abs(cents), currency)}`;

/** A dish's sheet: modifiers within their min/max (radio buttons when one may be chosen), notes, how many. */
export function ItemSheet({
  item,
  currency,
  disabledReason,
  onAdd,
  onClose,
}: {
  item: MenuItem;
  currency: string;
  /** Why adding is not possible right now ("Dana is sending…"); null when it is. */
  disabledReason: string | null;
  onAdd: (line: NewLine) => void;
  onClose: () => void;
}) {
  const uid = useId();
  const [chosen, setChosen] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(
      item.modifierGroups.map((g) => {
        // A required single choice starts on its first available option.
        const first = g.modifiers.find((m) => !m.is86d);
        return [g.id, g.minSelect === 1 && g.maxSelect === 1 && first ? [first.id] : []];
      }),
    ),
  );
  const [notes, setNotes] = useState("");
  const [quantity, setQuantity] = useState(1);
  const [tried, setTried] = useState(false);

  const missing = item.modifierGroups.filter((g) => (chosen[g.id]?.length ?? 0) < g.minSelect);
  const selected = item.modifierGroups.flatMap((g) => g.modifiers.filter((m) => chosen[g.id]?.includes(m.id)));
  const unit = item.priceCents + selected.reduce((s, m) => s + m.priceDeltaCents, 0);

  function toggle(g: MenuModifierGroup, id: string) {
    setChosen((c) => {
      const cur = c[g.id] ?? [];
      if (g.maxSelect === 1) return { ...c, [g.id]: cur.includes(id) && g.minSelect === 0 ? [] : [id] };
      if (cur.includes(id)) return { ...c, [g.id]: cur.filter((x) => x !== id) };
      if (g.maxSelect > 0 && cur.length >= g.maxSelect) return c;
      return { ...c, [g.id]: [...cur, id] };
    });
  }

  function add() {
    setTried(true);
    if (missing.length || disabledReason || !item.available) return;
    onAdd({
      menuItemId: item.id,
      name: item.name,
      quantity,
      modifierIds: selected.map((m) => m.id),
      modifierNames: selected.map((m) => m.name),
      notes: notes.trim(),
      unitPriceCents: unit,
    });
  }

  return (
    <Modal
      title={item.name}
      onClose={onClose}
      width="w-[28rem]"
      testId="item-sheet"
      footer={
        <div className="space-y-2">
          {tried && missing.length > 0 && (
            <p role="alert" className="font-medium text-red-700">
              {missing.map((g) => `${g.name}: ${groupRule(g).toLowerCase()}`).join(". ")}.
            </p>
          )}
          {disabledReason && <p className="font-medium text-amber-900">{disabledReason}</p>}
          <div className="flex items-center gap-3">
            <div className="flex items-center rounded-xl border-2 border-gray-300" role="group" aria-label="How many">
              <button
                type="button"
                aria-label="One fewer"
                disabled={quantity <= 1}
                onClick={() => setQuantity((q) => Math.max(1, q - 1))}
                className="size-12 text-2xl font-bold disabled:text-gray-300"
              >
                −
              </button>
              <span className="w-8 text-center text-lg font-bold" aria-live="polite" data-testid="sheet-quantity">
                {quantity}
              </span>
              <button
                type="button"
                aria-label="One more"
                disabled={quantity >= MAX_QUANTITY}
                onClick={() => setQuantity((q) => Math.min(MAX_QUANTITY, q + 1))}
                className="size-12 text-2xl font-bold disabled:text-gray-300"
              >
                +
              </button>
            </div>
            <Button
              type="button"
              onClick={add}
              disabled={!item.available || disabledReason !== null}
              className="h-14 flex-1 rounded-xl text-lg"
              data-testid="sheet-add"
            >
              {item.available ? `Add ${quantity} · ${formatCents(unit * quantity, currency)}` : "Sold out"}
            </Button>
          </div>
        </div>
      }
    >
      <div className="space-y-5">
        {item.photoUrl && (
          // eslint-disable-next-line @next/next/no-img-element -- menu photos may live on any CDN
          <img src={item.photoUrl} alt="" className="aspect-video w-full rounded-xl object-cover" />
        )}
        {item.description && <p className="text-gray-700">{item.description}</p>}
        <p className="text-lg font-bold">{formatCents(item.priceCents, currency)}</p>
        {(item.allergens.length > 0 || item.dietaryTags.length > 0) && (
          <div className="space-y-1 text-sm">
            {item.dietaryTags.length > 0 && (
              <p className="font-medium text-green-800">{item.dietaryTags.map(tagLabel).join(" · ")}</p>
            )}
            {item.allergens.length > 0 && (
              <p className="text-gray-700">Contains: {item.allergens.map(tagLabel).join(", ")}</p>
            )}
          </div>
        )}

        {item.modifierGroups.map((g) => {
          const radio = g.maxSelect === 1;
          const cur = chosen[g.id] ?? [];
          const full = !radio && g.maxSelect > 0 && cur.length >= g.maxSelect;
          const short = tried && cur.length < g.minSelect;
          return (
            <fieldset key={g.id} className="space-y-2" aria-describedby={`${uid}-${g.id}-rule`}>
              <legend className="flex w-full items-baseline justify-between gap-2 pb-1">
                <span className="text-lg font-bold">{g.name}</span>
                <span
                  id={`${uid}-${g.id}-rule`}
                  className={`text-sm font-semibold ${short ? "text-red-700" : "text-gray-600"}`}
                >
                  {groupRule(g)}
                </span>
              </legend>
              {g.modifiers.map((m) => {
                const checked = cur.includes(m.id);
                const off = m.is86d || (full && !checked);
                return (
                  <label
                    key={m.id}
                    className={`flex min-h-12 items-center gap-3 rounded-xl border-2 px-3 ${checked ? "border-gray-900 bg-gray-50" : "border-gray-200"} ${off ? "opacity-60" : "cursor-pointer"}`}
                  >
                    <input
                      type={radio ? "radio" : "checkbox"}
                      name={`${uid}-${g.id}`}
                      checked={checked}
                      disabled={off}
                      onChange={() => toggle(g, m.id)}
                      onClick={() => radio && checked && g.minSelect === 0 && toggle(g, m.id)}
                      className="size-5 accent-gray-900"
                    />
                    <span className="flex-1 font-medium">{m.name}</span>
                    <span className="text-sm text-gray-700">
                      {m.is86d ? "Sold out" : delta(m.priceDeltaCents, currency)}
                    </span>
                  </label>
                );
              })}
            </fieldset>
          );
        })}

        <div>
          <label htmlFor={`${uid}-notes`} className="mb-1 block font-bold">
            Notes for the kitchen <span className="font-normal text-gray-600">(optional)</span>
          </label>
          <textarea
            id={`${uid}-notes`}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            maxLength={200}
            rows={2}
            placeholder="No onions, please"
            className="w-full rounded-xl border-2 border-gray-300 p-3"
          />
        </div>
      </div>
    </Modal>
  );
}
