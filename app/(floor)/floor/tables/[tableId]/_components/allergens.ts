export { ALLERGEN_LABEL } from "@/lib/menu/allergens";

/** Quick chips for a guest's allergy, written into the line's notes as "ALLERGY: …". */
export const GUEST_ALLERGIES = ["Peanuts", "Tree nuts", "Gluten", "Milk", "Eggs", "Shellfish", "Fish", "Sesame", "Soy"];
