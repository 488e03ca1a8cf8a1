/** Display names of the 14 allergens (EU list), for item warnings. */
export const ALLERGEN_LABEL: Record<string, string> = {
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

/** Quick chips for a guest's allergy, written into the line's notes as "ALLERGY: …". */
export const GUEST_ALLERGIES = ["Peanuts", "Tree nuts", "Gluten", "Milk", "Eggs", "Shellfish", "Fish", "Sesame", "Soy"];
