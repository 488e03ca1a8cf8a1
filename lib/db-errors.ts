// Reading PostgreSQL errors through Prisma's driver adapter, which wraps them a few levels deep.
import { AppError } from "./errors";

/** The SQLSTATE of a database error (e.g. "22003"), however the adapter wrapped it; else null. */
export function sqlStateOf(error: unknown): string | null {
  const seen = new Set<unknown>();
  const walk = (e: unknown): string | null => {
    if (!e || typeof e !== "object" || seen.has(e)) return null;
    seen.add(e);
    const o = e as Record<string, unknown>;
    for (const k of ["code", "originalCode"]) {
      if (typeof o[k] === "string" && /^[0-9A-Z]{5}$/.test(o[k] as string) && !(o[k] as string).startsWith("P"))
        return o[k] as string;
    }
    return walk(o.cause) ?? walk(o.meta) ?? walk(o.driverAdapterError);
  };
  return walk(error);
}

/**
 * Class 22 ("data exception": numeric overflow, a NUL byte, an invalid character or date) means
 * the input was wrong, not the code: a 400 with a plain message instead of a 500. Validation
 * should catch these first; this is the net under it.
 */
export function dataErrorAsAppError(error: unknown): AppError | null {
  const state = sqlStateOf(error);
  if (!state?.startsWith("22")) return null;
  const message =
    state === "22003"
      ? "A number is too large to be recorded"
      : state === "22021" || state === "22P05"
        ? "Text contains characters that cannot be stored"
        : "A value cannot be stored as given";
  return new AppError("VALIDATION", message);
}
