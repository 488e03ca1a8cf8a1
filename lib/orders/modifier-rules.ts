// Modifier choices against an item's groups (min/max, 86'd, unknown ids). Pure: the order pad
// runs it before enabling "Add", and the server runs it again before saving (never trust a tablet).

export type ModifierGroupRule = {
  id: string;
  name: string;
  minSelect: number;
  maxSelect: number;
  modifiers: { id: string; name: string; priceDeltaCents: number; is86d: boolean }[];
};

export type ModifierProblem = { groupId: string | null; message: string };

export function checkModifierSelection(
  groups: readonly ModifierGroupRule[],
  selectedIds: readonly string[],
): ModifierProblem[] {
  const problems: ModifierProblem[] = [];
  const selected = new Set(selectedIds);
  if (selected.size !== selectedIds.length) problems.push({ groupId: null, message: "A modifier was chosen twice" });
  const known = new Map<string, { groupId: string; is86d: boolean; name: string }>();
  for (const g of groups) for (const m of g.modifiers) known.set(m.id, { groupId: g.id, is86d: m.is86d, name: m.name });

  for (const id of selected) {
    const m = known.get(id);
    if (!m) problems.push({ groupId: null, message: "A chosen modifier does not belong to this item" });
    else if (m.is86d) problems.push({ groupId: m.groupId, message: `${m.name} is unavailable (86'd)` });
  }
  for (const g of groups) {
    const count = g.modifiers.filter((m) => selected.has(m.id)).length;
    if (count < g.minSelect) {
      problems.push({
        groupId: g.id,
        message: g.minSelect === 1 ? `Choose ${g.name}` : `Choose at least ${g.minSelect} for ${g.name}`,
      });
    }
    if (count > g.maxSelect) problems.push({ groupId: g.id, message: `Choose at most ${g.maxSelect} for ${g.name}` });
  }
  return problems;
}

/** Sum of the chosen modifiers' price deltas (cents). */
export function modifiersCents(groups: readonly ModifierGroupRule[], selectedIds: readonly string[]): number {
  const selected = new Set(selectedIds);
  let cents = 0;
  for (const g of groups) for (const m of g.modifiers) if (selected.has(m.id)) cents += m.priceDeltaCents;
  return cents;
}
