import type { z } from "zod";
import { fieldErrorsOf } from "../validation";

type Search = Record<string, string | string[] | undefined>;

/**
 * A report page's search params, parsed by the report's schema. Bad params do not fail the
 * page: it shows their message and the default period instead (empty strings count as absent).
 */
export function readReportQuery<S extends z.ZodType>(
  schema: S,
  search: Search,
): { query: z.infer<S>; error: string | null } {
  const raw = Object.fromEntries(
    Object.entries(search).flatMap(([k, v]) => {
      const one = Array.isArray(v) ? v[0] : v;
      return one ? [[k, one]] : [];
    }),
  );
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { query: parsed.data, error: null };
  const message = Object.values(fieldErrorsOf(parsed.error)).flat().join(" ") || "Those report settings are not valid.";
  return { query: schema.parse({}), error: message };
}
