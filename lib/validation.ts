import { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_root";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Parse or throw a VALIDATION AppError carrying field-level messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("VALIDATION", "Some fields are invalid", fieldErrorsOf(result.error));
  }
  return result.data;
}

export const idSchema = z.string().min(1, "Required").max(64, "Too long");
export const centsSchema = z.number().int("Must be whole cents").min(0, "Cannot be negative").max(100_000_00, "Too large");
