// What the item sheet does as the server taps: pure, so the rules are tested without a browser.
// Whether a selection may be saved is lib/orders/modifier-rules (shared with the server).

type Group = { minSelect: number; maxSelect: number; modifiers: readonly { id: string }[] };

export const MAX_QUANTITY = 50;
export const MAX_NOTES = 200;

/**
 * The selection after tapping one modifier of `group`: a chosen one is unchosen; in a single-choice
 * group the new choice replaces the old one (like radio buttons); a full group takes no more.
 */
export function toggleModifier(group: Group, selected: string[], modifierId: string): string[] {
  if (selected.includes(modifierId)) return selected.filter((id) => id !== modifierId);
  const inGroup = new Set(group.modifiers.map((m) => m.id));
  if (group.maxSelect === 1) return [...selected.filter((id) => !inGroup.has(id)), modifierId];
  if (selected.filter((id) => inGroup.has(id)).length >= group.maxSelect) return selected;
  return [...selected, modifierId];
}

/** How many of the group's modifiers are chosen. */
export function chosenCount(group: Group, selected: readonly string[]): number {
  return group.modifiers.filter((m) => selected.includes(m.id)).length;
}

/** The group's rule as the sheet states it: "choose 1", "choose 1–3" or "up to 2". */
export function groupRuleLabel(group: Group): string {
  if (group.minSelect === group.maxSelect) return `choose ${group.minSelect}`;
  return group.minSelect > 0 ? `choose ${group.minSelect}–${group.maxSelect}` : `up to ${group.maxSelect}`;
}

/** One step of the quantity buttons, kept between 1 and MAX_QUANTITY. */
export function stepQuantity(quantity: number, step: -1 | 1): number {
  return Math.min(MAX_QUANTITY, Math.max(1, quantity + step));
}

/** Seat numbers to offer: the table's seats, or more if the line already sits at a higher seat. */
export function seatChoices(seats: number, seat: number | null): number[] {
  return Array.from({ length: Math.max(seats, seat ?? 0) }, (_, i) => i + 1);
}

/** Notes with "ALLERGY: <label>" appended once ("; "-separated), cut to what the notes field holds. */
export function withAllergy(notes: string, label: string): string {
  const tag = `ALLERGY: ${label.toLowerCase()}`;
  if (notes.toLowerCase().includes(tag.toLowerCase())) return notes;
  return [notes.trim(), tag].filter(Boolean).join("; ").slice(0, MAX_NOTES);
}
