import { z } from "zod";
import { idSchema, text } from "../validation";
import { baseUnitSchema, optionalText, positiveQuantitySchema, quantitySchema } from "./schemas";

/** Fields of an ingredient as managers edit them (create and update share them). */
export const ingredientFieldsSchema = z
  .object({
    name: text().trim().min(1, "Enter a name").max(80, "At most 80 characters"),
    sku: optionalText(40),
    baseUnit: baseUnitSchema,
    purchaseUnit: text().trim().min(1, "Enter a purchase unit, e.g. case of 12").max(40, "At most 40 characters"),
    purchaseUnitSize: positiveQuantitySchema,
    costCentsPerPurchaseUnit: z
      .number({ error: "Enter a cost like 12.50" })
      .int("Whole cents")
      .min(0, "Cannot be negative")
      .max(100_000_00, "Too large"),
    parLevel: quantitySchema,
    reorderPoint: quantitySchema,
    defaultSupplierId: idSchema.nullish().transform((v) => v ?? null),
  })
  .refine((v) => Number(v.reorderPoint) <= Number(v.parLevel), {
    path: ["reorderPoint"],
    message: "The reorder point should not be above the par level",
  });

export type IngredientFields = z.infer<typeof ingredientFieldsSchema>;
