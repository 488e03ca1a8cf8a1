// The 14 allergens that EU/UK rules require menus to declare, with labels. Browser-safe.
import type { Allergen } from "@/generated/prisma/enums";

export const ALLERGENS = [
  "CELERY",
  "GLUTEN",
  "CRUSTACEANS",
  "EGGS",
  "FISH",
  "LUPIN",
  "MILK",
  "MOLLUSCS",
  "MUSTARD",
  "TREE_NUTS",
  "PEANUTS",
  "SESAME",
  "SOY",
  "SULPHITES",
] as const satisfies readonly Allergen[];

export const ALLERGEN_LABEL: Record<Allergen, string> = {
  CELERY: "Celery",
  GLUTEN: "Gluten",
  CRUSTACEANS: "Crustaceans",
  EGGS: "Eggs",
  FISH: "Fish",
  LUPIN: "Lupin",
  MILK: "Milk",
  MOLLUSCS: "Molluscs",
  MUSTARD: "Mustard",
  TREE_NUTS: "Tree nuts",
  PEANUTS: "Peanuts",
  SESAME: "Sesame",
  SOY: "Soy",
  SULPHITES: "Sulphites",
};

/** Suggestions in the form; tags are free text (normalised to lower-case-kebab). */
export const COMMON_DIETARY_TAGS = [
  "vegetarian",
  "vegan",
  "gluten-free",
  "dairy-free",
  "nut-free",
  "halal",
  "kosher",
  "spicy",
  "keto",
] as const;

export function normaliseTag(tag: string): string {
  return tag
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .replace(/[^a-z0-9-]/g, "");
}

/** "Tree nuts" / "tree_nuts" / "TREE NUTS" → TREE_NUTS (CSV import); null when unknown. */
export function parseAllergen(raw: string): Allergen | null {
  const key = raw
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");
  return (ALLERGENS as readonly string[]).includes(key) ? (key as Allergen) : null;
}
