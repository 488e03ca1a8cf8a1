import { z } from "zod";
import { idSchema } from "../validation";
import { positiveQuantitySchema } from "./schemas";

/** Lines as a manager enters them: quantities in purchase units (e.g. 3 sacks). */
export const poLinesSchema = z
  .array(
    z.object({
      ingredientId: idSchema,
      quantityOrdered: positiveQuantitySchema,
      /** Defaults to the ingredient's current cost per purchase unit. */
      unitCostCents: z.number().int("Whole cents").min(0, "Cannot be negative").max(100_000_00, "Too large").optional(),
    }),
  )
  .min(1, "Add at least one line")
  .max(200, "At most 200 lines")
  .superRefine((lines, c) => {
    const seen = new Set<string>();
    lines.forEach((l, i) => {
      if (seen.has(l.ingredientId))
        c.addIssue({ code: "custom", path: [i, "ingredientId"], message: "This ingredient is already on the order" });
      seen.add(l.ingredientId);
    });
  });
export type PoLinesInput = z.infer<typeof poLinesSchema>;
