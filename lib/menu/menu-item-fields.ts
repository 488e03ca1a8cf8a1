import { z } from "zod";
import { idSchema, text } from "../validation";
import { ALLERGENS, normaliseTag } from "./allergens";
import { MAX_PRICE_CENTS } from "./price-math";

const optionalInt = (max: number, label: string) =>
  z
    .number({ error: `Enter a whole number of ${label}` })
    .int(`Whole ${label}`)
    .min(0, "Cannot be negative")
    .max(max, `At most ${max}`)
    .nullable()
    .default(null);

const optionalGrams = z
  .number({ error: "Enter grams, e.g. 12.5" })
  .min(0, "Cannot be negative")
  .max(9999, "At most 9999 g")
  .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-6, "At most one decimal")
  .nullable()
  .default(null);

const isoDate = z.iso.date("Use a date like 2026-06-01").nullable().default(null);

/** Everything a manager edits on a menu item (create and update share it). */
export const menuItemFieldsSchema = z
  .object({
    name: text().trim().min(1, "Enter a name").max(80, "At most 80 characters"),
    categoryId: idSchema,
    description: text().trim().max(500, "At most 500 characters").default(""),
    priceCents: z
      .number({ error: "Enter a price like 12.50" })
      .int("Whole cents")
      .min(0, "Cannot be negative")
      .max(MAX_PRICE_CENTS, "Too large"),
    /** Null = the location's default rate. */
    taxRateBps: z
      .number({ error: "Enter a percentage like 8.25" })
      .int()
      .min(0, "Cannot be negative")
      .max(10_000, "At most 100 %")
      .nullable()
      .default(null),
    stationId: idSchema.nullable().default(null),
    imageUrl: text()
      .trim()
      .max(500, "At most 500 characters")
      .refine(
        (v) => v === "" || /^https?:\/\/\S+$/.test(v) || /^\/[^\s/]\S*$/.test(v),
        "Use an https:// address or a /path on this site",
      )
      .nullable()
      .default(null)
      .transform((v) => (v ? v : null)),
    allergens: z
      .array(z.enum(ALLERGENS, { error: "Unknown allergen" }))
      .max(14)
      .default([])
      .transform((a) => [...new Set(a)]),
    dietaryTags: z
      .array(text().max(30, "Tags are at most 30 characters"))
      .max(12, "At most 12 tags")
      .default([])
      .transform((tags) => [...new Set(tags.map(normaliseTag).filter(Boolean))]),
    kcal: optionalInt(10_000, "kcal"),
    proteinG: optionalGrams,
    carbsG: optionalGrams,
    fatG: optionalGrams,
    prepMinutes: optionalInt(240, "minutes"),
    seasonalFrom: isoDate,
    seasonalTo: isoDate,
    modifierGroupIds: z.array(idSchema).max(20, "At most 20 groups").default([]),
    availabilityWindowIds: z.array(idSchema).max(20, "At most 20 windows").default([]),
  })
  .refine((v) => !v.seasonalFrom || !v.seasonalTo || v.seasonalFrom <= v.seasonalTo, {
    path: ["seasonalTo"],
    message: "Must be on or after the start date",
    // Run even when other fields failed, so the form shows every problem at once.
    when: ({ value }) => {
      if (!value || typeof value !== "object") return false; // a null or non-object body fails on its own
      const v = value as { seasonalFrom?: unknown; seasonalTo?: unknown };
      return (
        typeof v.seasonalFrom === "string" &&
        typeof v.seasonalTo === "string" &&
        /^\d{4}-\d{2}-\d{2}$/.test(v.seasonalFrom + "") &&
        /^\d{4}-\d{2}-\d{2}$/.test(v.seasonalTo + "")
      );
    },
  });

export type MenuItemFields = z.infer<typeof menuItemFieldsSchema>;
export type MenuItemFieldsInput = z.input<typeof menuItemFieldsSchema>;
