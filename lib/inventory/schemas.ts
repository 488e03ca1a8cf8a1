// Shared zod pieces for inventory inputs (JSON from routes; actions convert form strings first).
import { z } from "zod";
import { text } from "../validation";

/** A quantity as typed or sent: number or decimal string, ≥ 0, at most 3 decimals → exact string. */
export const quantitySchema = z
  .union([z.number(), text().trim()])
  .transform((v) => (typeof v === "number" ? String(v) : v))
  .pipe(text().regex(/^\d{1,11}(\.\d{1,3})?$/, "Enter a number ≥ 0 with at most 3 decimals"));

export const positiveQuantitySchema = quantitySchema.refine((v) => Number(v) > 0, "Must be more than 0");

export const baseUnitSchema = z.enum(["G", "ML", "EACH"], { error: "Choose g, ml or each" });

export const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));
