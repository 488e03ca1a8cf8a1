"use client";

import { useEffect, useRef } from "react";
import type { Course } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { formatCents } from "@/lib/money";
import { ALLERGEN_LABEL } from "./allergens";
import { ModifierGroupPicker } from "./modifier-group-picker";
import { CoursePicker, KitchenNotes, QuantityStepper, SeatSelect } from "./sheet-fields";
import { stepQuantity } from "./sheet-rules";
import { useItemSheet } from "./use-item-sheet";
import type { DraftLine, MenuItemView } from "./types";

type Props = {
  item: MenuItemView;
  /** Editing an existing draft line; otherwise a new line with `defaults`. */
  line: DraftLine | null;
  defaults: { seat: number | null; course: Course };
  seats: number;
  currency: string;
  /** The courses this location offers. */
  courses: readonly Course[];
  onSave: (line: DraftLine) => void;
  onClose: () => void;
};

/** Choose modifiers (min/max enforced as you tap), quantity, seat, course and notes for one dish. */
export function ItemSheet({ item, line, defaults, seats, currency, courses, onSave, onClose }: Props) {
  const sheet = useItemSheet({ item, line, defaults, onSave });
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    dialog.current?.querySelector<HTMLElement>("button, textarea")?.focus();
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

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
          {item.modifierGroups.map((g) => (
            <ModifierGroupPicker
              key={g.id}
              group={g}
              selected={sheet.selected}
              problem={sheet.shownProblems.find((p) => p.groupId === g.id)?.message}
              currency={currency}
              onToggle={(modifierId) => sheet.toggle(g.id, modifierId)}
            />
          ))}

          <div className="grid grid-cols-2 gap-4">
            <QuantityStepper quantity={sheet.quantity} onStep={(d) => sheet.setQuantity((q) => stepQuantity(q, d))} />
            <SeatSelect seat={sheet.seat} seats={seats} onChange={sheet.setSeat} />
          </div>
          <CoursePicker course={sheet.course} courses={courses} onChange={sheet.setCourse} />
          <KitchenNotes notes={sheet.notes} onChange={sheet.setNotes} onAllergy={sheet.addAllergy} />
        </div>
        <footer className="flex items-center justify-between gap-3 border-t border-gray-200 p-4">
          <span className="text-xl font-black">{formatCents(sheet.totalCents, currency)}</span>
          <Button
            className="min-h-14 flex-1 text-lg"
            onClick={sheet.save}
            disabled={!sheet.canSave}
            data-testid="sheet-save"
          >
            {line ? "Update line" : "Add to order"}
          </Button>
        </footer>
      </div>
    </div>
  );
}
