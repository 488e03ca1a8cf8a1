import type { Course } from "@/generated/prisma/enums";

/** Service order: drinks go first, desserts last. */
export const COURSES = ["DRINKS", "STARTERS", "MAINS", "DESSERTS"] as const satisfies readonly Course[];

export const COURSE_LABEL: Record<Course, string> = {
  DRINKS: "Drinks",
  STARTERS: "Starters",
  MAINS: "Mains",
  DESSERTS: "Desserts",
};

/** A sensible default course from the menu category's name (the server can change it per line). */
export function defaultCourseFor(categoryName: string): Course {
  const n = categoryName.toLowerCase();
  if (/drink|beverage|wine|beer|cocktail|coffee|tea|bar/.test(n)) return "DRINKS";
  if (/starter|appetizer|appetiser|small plate|snack|soup|salad|raw|antipast/.test(n)) return "STARTERS";
  if (/dessert|sweet|pudding|cheese/.test(n)) return "DESSERTS";
  return "MAINS";
}

export function courseRank(course: Course): number {
  return COURSES.indexOf(course);
}

/**
 * The course a new line gets at a location that uses only `used` (its settings' coursesUsed):
 * the category's natural course when offered, else the nearest offered one (later first).
 */
export function courseFor(categoryName: string, used: readonly Course[]): Course {
  const natural = defaultCourseFor(categoryName);
  if (used.length === 0 || used.includes(natural)) return natural;
  const rank = courseRank(natural);
  return [...used].sort(
    (a, b) => Math.abs(courseRank(a) - rank) - Math.abs(courseRank(b) - rank) || courseRank(b) - courseRank(a),
  )[0];
}
