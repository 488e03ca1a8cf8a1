"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { Course } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/money";
import { checkModifierSelection, modifiersCents } from "@/lib/orders/modifier-rules";
import { COURSES, COURSE_LABEL } from "@/lib/menu/courses";
import { ALLERGEN_LABEL, GUEST_ALLERGIES } from "./allergens";
import type { DraftLine, MenuItemView } from "./types";

type Props = {
  item: MenuItemView;
  /** Editing an existing draft line; otherwise a new line with `defaults`. */
  line: DraftLine | null;
  defaults: { seat: number | null; course: Course };
  seats: number;
  currency: string;
  onSave: (line: DraftLine) => void;
  onClose: () => void;
};

/** Choose modifiers (min/max enforced as you tap), quantity, seat, course and notes for one dish. */
export function ItemSheet({ item, line, defaults, seats, currency, onSave, onClose }: Props) {
  const [selected, setSelected] = useState<string[]>(line?.modifierIds ?? []);
  const [quantity, setQuantity] = useState(line?.quantity ?? 1);
  const [seat, setSeat] = useState<number | null>(line ? line.seat : defaults.seat);
  const [course, setCourse] = useState<Course>(line?.course ?? defaults.course);
  const [notes, setNotes] = useState(line?.notes ?? "");
  const [touched, setTouched] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    dialog.current?.querySelector<HTMLElement>("button, textarea")?.focus();
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const groups = item.modifierGroups;
  const problems = useMemo(() => checkModifierSelection(groups, selected), [groups, selected]);
  const extra = modifiersCents(groups, selected);

  function toggle(groupId: string, modifierId: string) {
    setTouched(true);
    const group = groups.find((g) => g.id === groupId)!;
    const inGroup = new Set(group.modifiers.map((m) => m.id));
    setSelected((prev) => {
      if (prev.includes(modifierId)) return prev.filter((id) => id !== modifierId);
      // Single choice behaves like radio buttons: the new choice replaces the old one.
      if (group.maxSelect === 1) return [...prev.filter((id) => !inGroup.has(id)), modifierId];
      if (prev.filter((id) => inGroup.has(id)).length >= group.maxSelect) return prev;
      return [...prev, modifierId];
    });
  }

  function addAllergy(label: string) {
    const tag = `ALLERGY: ${label.toLowerCase()}`;
    setNotes((n) =>
      n.toLowerCase().includes(tag.toLowerCase()) ? n : [n.trim(), tag].filter(Boolean).join("; ").slice(0, 200),
    );
  }

  function save() {
    setTouched(true);
    if (problems.length) return;
    const names = groups.flatMap((g) => g.modifiers.filter((m) => selected.includes(m.id)).map((m) => m.name));
    onSave({
      key: line?.key ?? crypto.randomUUID(),
      menuItemId: item.id,
      name: item.name,
      unitPriceCents: item.priceCents,
      taxRateBps: item.taxRateBps,
      modifierIds: selected,
      modifierNames: names,
      modifiersCents: extra,
      quantity,
      seat,
      course,
      notes: notes.trim(),
      allergens: item.allergens,
    });
  }

  return (
    <div className="fixed inset-0 z-40 flex items-stretch justify-end bg-black/40" onClick={onClose}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="item-sheet-title"
        data-testid="item-sheet"
        className="flex h-full w-[34rem] max-w-full flex-col bg-white shadow-xl"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="flex items-start justify-between gap-3 border-b border-gray-200 p-4">
          <div>
            <h2 id="item-sheet-title" className="text-2xl font-black">
              {item.name}
            </h2>
            <p className="text-gray-600">{formatCents(item.priceCents, currency)}</p>
          </div>
          <button
            type="button"
            onClick={onClose}
            className="min-h-11 min-w-11 rounded-lg text-2xl hover:bg-gray-100"
            aria-label="Close"
          >
            ×
          </button>
        </header>
        <div className="flex-1 space-y-5 overflow-y-auto p-4">
          {item.allergens.length > 0 && (
            <p
              role="note"
              className="rounded-lg border-2 border-amber-400 bg-amber-50 p-3 font-semibold text-amber-900"
            >
              ⚠ Contains: {item.allergens.map((a) => ALLERGEN_LABEL[a] ?? a).join(", ")}
            </p>
          )}
          {groups.map((g) => {
            const count = g.modifiers.filter((m) => selected.includes(m.id)).length;
            const problem = touched ? problems.find((p) => p.groupId === g.id) : undefined;
            const rule =
              g.minSelect === g.maxSelect
                ? `choose ${g.minSelect}`
                : g.minSelect > 0
                  ? `choose ${g.minSelect}–${g.maxSelect}`
                  : `up to ${g.maxSelect}`;
            return (
              <fieldset key={g.id} aria-describedby={problem ? `problem-${g.id}` : undefined}>
                <legend className="mb-2 flex w-full items-baseline justify-between">
                  <span className="text-lg font-bold">
                    {g.name} {g.minSelect > 0 && <span className="text-sm font-semibold text-red-700">required</span>}
                  </span>
                  <span className="text-sm text-gray-500">
                    {rule} · {count} chosen
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
                        onClick={() => toggle(g.id, m.id)}
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
                    {problem.message}
                  </p>
                )}
              </fieldset>
            );
          })}

          <div className="grid grid-cols-2 gap-4">
            <div>
              <p className="mb-2 text-lg font-bold">Quantity</p>
              <div className="flex items-center gap-2">
                <Button
                  variant="secondary"
                  className="min-w-14 text-2xl"
                  aria-label="Fewer"
                  onClick={() => setQuantity((q) => Math.max(1, q - 1))}
                >
                  −
                </Button>
                <span className="w-10 text-center text-2xl font-black" aria-live="polite" data-testid="sheet-quantity">
                  {quantity}
                </span>
                <Button
                  variant="secondary"
                  className="min-w-14 text-2xl"
                  aria-label="More"
                  onClick={() => setQuantity((q) => Math.min(50, q + 1))}
                >
                  +
                </Button>
              </div>
            </div>
            <div>
              <label htmlFor="sheet-seat" className="mb-2 block text-lg font-bold">
                Seat
              </label>
              <select
                id="sheet-seat"
                value={seat ?? ""}
                onChange={(e) => setSeat(e.target.value ? Number(e.target.value) : null)}
                className="min-h-14 w-full rounded-xl border-2 border-gray-300 px-3 text-lg"
              >
                <option value="">Shared / table</option>
                {Array.from({ length: Math.max(seats, seat ?? 0) }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    Seat {n}
                  </option>
                ))}
              </select>
            </div>
          </div>

          <fieldset>
            <legend className="mb-2 text-lg font-bold">Course</legend>
            <div className="grid grid-cols-4 gap-2">
              {COURSES.map((c) => (
                <button
                  key={c}
                  type="button"
                  role="radio"
                  aria-checked={course === c}
                  onClick={() => setCourse(c)}
                  className={`min-h-12 rounded-xl border-2 font-semibold ${course === c ? "border-gray-900 bg-gray-900 text-white" : "border-gray-300"}`}
                >
                  {COURSE_LABEL[c]}
                </button>
              ))}
            </div>
          </fieldset>

          <div>
            <label htmlFor="sheet-notes" className="mb-2 block text-lg font-bold">
              Notes for the kitchen
            </label>
            <textarea
              id="sheet-notes"
              value={notes}
              maxLength={200}
              onChange={(e) => setNotes(e.target.value)}
              rows={2}
              className="w-full rounded-xl border-2 border-gray-300 p-3 text-lg"
              placeholder="e.g. no onions, sauce on the side"
            />
            <p className="mt-2 text-sm font-semibold text-gray-600">
              Guest allergy (adds a warning the kitchen cannot miss):
            </p>
            <div className="mt-1 flex flex-wrap gap-2">
              {GUEST_ALLERGIES.map((a) => (
                <button
                  key={a}
                  type="button"
                  onClick={() => addAllergy(a)}
                  className="min-h-11 rounded-full border-2 border-red-300 px-3 text-sm font-semibold text-red-800"
                >
                  {a}
                </button>
              ))}
            </div>
          </div>
        </div>
        <footer className="flex items-center justify-between gap-3 border-t border-gray-200 p-4">
          <span className="text-xl font-black">{formatCents((item.priceCents + extra) * quantity, currency)}</span>
          <Button
            className="min-h-14 flex-1 text-lg"
            onClick={save}
            disabled={touched && problems.length > 0}
            data-testid="sheet-save"
          >
            {line ? "Update line" : "Add to order"}
          </Button>
        </footer>
      </div>
    </div>
  );
}
