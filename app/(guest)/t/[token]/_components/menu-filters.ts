import type { GuestMenuJson, MenuItem } from "./guest-api";

// "Hide dishes containing…" and "Only show…": the menu's filters, from what the data has.

export type MenuFilters = { hideAllergens: string[]; onlyDietary: string[] };
export const NO_FILTERS: MenuFilters = { hideAllergens: [], onlyDietary: [] };

const norm = (s: string) => s.trim().toLowerCase();

/** The allergens and dietary tags the menu uses, sorted, for the filter toggles. */
export function filterOptions(menu: GuestMenuJson): { allergens: string[]; dietary: string[] } {
  const allergens = new Set<string>();
  const dietary = new Set<string>();
  for (const c of menu.categories)
    for (const i of c.items) {
      i.allergens.forEach((a) => allergens.add(norm(a)));
      i.dietaryTags.forEach((d) => dietary.add(norm(d)));
    }
  return { allergens: [...allergens].sort(), dietary: [...dietary].sort() };
}

export function passes(item: MenuItem, f: MenuFilters): boolean {
  const allergens = item.allergens.map(norm);
  const tags = item.dietaryTags.map(norm);
  return !f.hideAllergens.some((a) => allergens.includes(a)) && f.onlyDietary.every((d) => tags.includes(d));
}

/** "gluten-free" → "Gluten-free", "VEGAN" → "Vegan", "tree_nuts" → "Tree nuts". */
export function tagLabel(tag: string): string {
  const t = tag.replace(/_/g, " ").toLowerCase();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
