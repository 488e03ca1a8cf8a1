import { z } from "zod";
import { text } from "../validation";
import { optionalText } from "./schemas";

export const supplierFieldsSchema = z.object({
  name: text().trim().min(1, "Enter a name").max(80, "At most 80 characters"),
  contactName: optionalText(80),
  email: z
    .union([z.literal(""), z.email("Enter a valid email")])
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null)),
  phone: optionalText(40),
  leadTimeDays: z
    .number({ error: "Enter a number of days" })
    .int("Whole days")
    .min(0, "Cannot be negative")
    .max(90, "At most 90 days"),
});
export type SupplierFields = z.infer<typeof supplierFieldsSchema>;
