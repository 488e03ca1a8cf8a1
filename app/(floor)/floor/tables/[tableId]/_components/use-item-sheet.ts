"use client";

import { useMemo, useState } from "react";
import type { Course } from "@/generated/prisma/enums";
import { checkModifierSelection, modifiersCents } from "@/lib/orders/modifier-rules";
import { toggleModifier, withAllergy } from "./sheet-rules";
import type { DraftLine, MenuItemView } from "./types";

type Options = {
  item: MenuItemView;
  /** Editing an existing draft line; otherwise a new line with `defaults`. */
  line: DraftLine | null;
  defaults: { seat: number | null; course: Course };
  onSave: (line: DraftLine) => void;
};

/**
 * The item sheet's state: the line being composed, and the modifier rules checked as you tap.
 * Problems show only once a modifier has been tapped or a save tried.
 */
export function useItemSheet({ item, line, defaults, onSave }: Options) {
  const [selected, setSelected] = useState<string[]>(line?.modifierIds ?? []);
  const [quantity, setQuantity] = useState(line?.quantity ?? 1);
  const [seat, setSeat] = useState<number | null>(line ? line.seat : defaults.seat);
  const [course, setCourse] = useState<Course>(line?.course ?? defaults.course);
  const [notes, setNotes] = useState(line?.notes ?? "");
  const [touched, setTouched] = useState(false);

  const groups = item.modifierGroups;
  const problems = useMemo(() => checkModifierSelection(groups, selected), [groups, selected]);
  const extraCents = modifiersCents(groups, selected);

  function toggle(groupId: string, modifierId: string) {
    setTouched(true);
    const group = groups.find((g) => g.id === groupId)!;
    setSelected((prev) => toggleModifier(group, prev, modifierId));
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
      modifiersCents: extraCents,
      quantity,
      seat,
      course,
      notes: notes.trim(),
      allergens: item.allergens,
    });
  }

  return {
    selected,
    toggle,
    quantity,
    setQuantity,
    seat,
    setSeat,
    course,
    setCourse,
    notes,
    setNotes,
    addAllergy: (label: string) => setNotes((n) => withAllergy(n, label)),
    /** Problems to show: none until the selection has been touched. */
    shownProblems: touched ? problems : [],
    canSave: !touched || problems.length === 0,
    totalCents: (item.priceCents + extraCents) * quantity,
    save,
  };
}
