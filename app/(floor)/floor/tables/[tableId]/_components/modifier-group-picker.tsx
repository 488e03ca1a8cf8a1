"use client";

import { formatCents } from "@/lib/money";
import { chosenCount, groupRuleLabel } from "./sheet-rules";
import type { MenuItemView } from "./types";

type Group = MenuItemView["modifierGroups"][number];

/** One modifier group as big toggle buttons: radios for a single choice, checkboxes otherwise. */
export function ModifierGroupPicker({
  group: g,
  selected,
  problem,
  currency,
  onToggle,
}: {
  group: Group;
  selected: string[];
  /** The group's problem to show, if any. */
  problem: string | undefined;
  currency: string;
  onToggle: (modifierId: string) => void;
}) {
  const count = chosenCount(g, selected);
  return (
    <fieldset aria-describedby={problem ? `problem-${g.id}` : undefined}>
      <legend className="mb-2 flex w-full items-baseline justify-between">
        <span className="text-lg font-bold">
          {g.name} {g.minSelect > 0 && <span className="text-sm font-semibold text-red-700">required</span>}
        </span>
        <span className="text-sm text-gray-500">
          {groupRuleLabel(g)} · {count} chosen
        </span>
      </legend>
      <div className="grid grid-cols-2 gap-2">
        {g.modifiers.map((m) => {
          const on = selected.includes(m.id);
          const full = !on && g.maxSelect > 1 && count >= g.maxSelect;
          return (
            <button
              key={m.id}
              type="button"
              role={g.maxSelect === 1 ? "radio" : "checkbox"}
              aria-checked={on}
              disabled={m.is86d || full}
              onClick={() => onToggle(m.id)}
              className={`min-h-14 rounded-xl border-2 px-3 text-left font-semibold transition ${on ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300 bg-white"} disabled:opacity-40`}
            >
              {m.name}
              {m.is86d ? " · 86'd" : m.priceDeltaCents ? ` +${formatCents(m.priceDeltaCents, currency)}` : ""}
            </button>
          );
        })}
      </div>
      {problem && (
        <p id={`problem-${g.id}`} role="alert" className="mt-1 font-semibold text-red-700">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
