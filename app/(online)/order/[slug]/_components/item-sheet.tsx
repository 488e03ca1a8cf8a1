"use client";

import { useState } from "react";
import { ALLERGEN_LABEL } from "@/lib/menu/allergens";
import { formatCents } from "@/lib/money";
import type { PublicMenu } from "@/lib/online/get-public-menu";
import { checkModifierSelection } from "@/lib/orders/modifier-rules";
import type { Allergen } from "@/generated/prisma/enums";

type Item = PublicMenu["categories"][number]["items"][number];

/** One dish: its options (the order pad's min/max rules), quantity and a note, then "Add". */
export function ItemSheet({
  item,
  currency,
  onAdd,
  onClose,
}: {
  item: Item;
  currency: string;
  onAdd: (modifierIds: string[], quantity: number, notes: string) => void;
  onClose: () => void;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [quantity, setQuantity] = useState(1);
  const [notes, setNotes] = useState("");
  const [tried, setTried] = useState(false);
  const groups = item.modifierGroups.map((g) => ({
    ...g,
    modifiers: g.modifiers.map((m) => ({ ...m, is86d: !m.available })),
  }));
  const problems = checkModifierSelection(groups, chosen);
  const unit =
    item.priceCents +
    groups.flatMap((g) => g.modifiers).reduce((n, m) => n + (chosen.includes(m.id) ? m.priceDeltaCents : 0), 0);

  const toggle = (groupId: string, id: string, single: boolean) => {
    const inGroup = groups.find((g) => g.id === groupId)!.modifiers.map((m) => m.id);
    setChosen((c) =>
      c.includes(id) ? c.filter((x) => x !== id) : single ? [...c.filter((x) => !inGroup.includes(x)), id] : [...c, id],
    );
  };

  return (
    <div className="fixed inset-0 z-40 flex items-end justify-center bg-black/40" role="presentation" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="item-sheet-title"
        data-testid="item-sheet"
        className="max-h-[90vh] w-full max-w-md overflow-y-auto rounded-t-2xl bg-white p-5"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === "Escape" && onClose()}
      >
        <h2 id="item-sheet-title" className="text-xl font-bold">
          {item.name}
        </h2>
        {item.description && <p className="mt-1 text-gray-700">{item.description}</p>}
        {item.allergens.length > 0 && (
          <p className="mt-2 text-sm text-gray-700">
            Contains: {item.allergens.map((a) => ALLERGEN_LABEL[a as Allergen] ?? a).join(", ")}
          </p>
        )}
        {groups.map((g) => {
          const single = g.maxSelect === 1;
          const problem = tried ? problems.find((p) => p.groupId === g.id) : undefined;
          return (
            <fieldset key={g.id} className="mt-4" aria-describedby={problem ? `g-${g.id}-error` : undefined}>
              <legend className="font-semibold">
                {g.name}
                <span className="ml-2 text-sm font-normal text-gray-600">
                  {g.minSelect > 0
                    ? single
                      ? "required"
                      : `choose ${g.minSelect}–${g.maxSelect}`
                    : `up to ${g.maxSelect}`}
                </span>
              </legend>
              {g.modifiers.map((m) => (
                <label key={m.id} className="flex min-h-11 items-center gap-3">
                  <input
                    type={single ? "radio" : "checkbox"}
                    name={`group-${g.id}`}
                    data-testid="modifier-option"
                    checked={chosen.includes(m.id)}
                    disabled={m.is86d}
                    onChange={() => toggle(g.id, m.id, single)}
                    className="h-5 w-5"
                  />
                  <span className={m.is86d ? "text-gray-400 line-through" : ""}>{m.name}</span>
                  {m.priceDeltaCents !== 0 && (
                    <span className="ml-auto text-gray-700">+{formatCents(m.priceDeltaCents, currency)}</span>
                  )}
                </label>
              ))}
              {problem && (
                <p id={`g-${g.id}-error`} className="text-sm font-semibold text-red-800">
                  {problem.message}
                </p>
              )}
            </fieldset>
          );
        })}
        <label className="mt-4 flex flex-col text-sm font-semibold">
          Note for the kitchen
          <input
            value={notes}
            maxLength={200}
            onChange={(e) => setNotes(e.target.value)}
            className="mt-1 min-h-11 rounded-lg border border-gray-300 px-3 font-normal"
          />
        </label>
        <div className="mt-4 flex items-center gap-3">
          <button
            type="button"
            aria-label="One fewer"
            onClick={() => setQuantity((q) => Math.max(1, q - 1))}
            className="h-11 w-11 rounded-full border border-gray-300 text-xl"
          >
            −
          </button>
          <span aria-live="polite" className="min-w-6 text-center text-lg font-bold" data-testid="item-quantity">
            {quantity}
          </span>
          <button
            type="button"
            aria-label="One more"
            onClick={() => setQuantity((q) => Math.min(50, q + 1))}
            className="h-11 w-11 rounded-full border border-gray-300 text-xl"
          >
            +
          </button>
          <button
            type="button"
            data-testid="item-add"
            onClick={() => {
              setTried(true);
              if (problems.length === 0) onAdd(chosen, quantity, notes.trim());
            }}
            className="ml-auto min-h-11 flex-1 rounded-lg bg-gray-900 px-4 font-semibold text-white"
          >
            Add · {formatCents(unit * quantity, currency)}
          </button>
        </div>
        {tried && problems.some((p) => p.groupId === null) && (
          <p role="alert" className="mt-2 text-sm font-semibold text-red-800">
            {problems.find((p) => p.groupId === null)?.message}
          </p>
        )}
        <button
          type="button"
          onClick={onClose}
          className="mt-3 min-h-11 w-full rounded-lg border border-gray-300 font-semibold"
        >
          Close
        </button>
      </div>
    </div>
  );
}
