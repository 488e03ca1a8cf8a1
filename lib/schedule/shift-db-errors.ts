// The database is the authority on overlapping shifts (exclusion constraint Shift_no_overlap) and on
// the weekly limit (trigger Shift_weekly_limit, SQLSTATE SH001): their refusals become field errors.
import { sqlStateOf } from "../db-errors";
import { AppError } from "../errors";
import { formatMinutes } from "./week";

function findText(error: unknown, key: "message" | "detail"): string {
  const seen = new Set<unknown>();
  const out: string[] = [];
  const walk = (e: unknown) => {
    if (!e || typeof e !== "object" || seen.has(e)) return;
    seen.add(e);
    const o = e as Record<string, unknown>;
    if (typeof o[key] === "string") out.push(o[key] as string);
    if (key === "message" && typeof o.originalMessage === "string") out.push(o.originalMessage);
    walk(o.cause);
    walk(o.meta);
    walk(o.driverAdapterError);
  };
  walk(error);
  return out.join("\n");
}

/** The AppError a refused shift write means, or null when the error is something else. */
export function shiftWriteError(error: unknown): AppError | null {
  const state = sqlStateOf(error);
  if (state === "23P01" && findText(error, "message").includes("Shift_no_overlap")) {
    const message = "Overlaps another shift of this person";
    return new AppError("CONFLICT", message, { startsAt: [message], endsAt: [message] });
  }
  if (state === "SH001") {
    let detail: { weekStart?: string; minutes?: number; limit?: number } = {};
    try {
      detail = JSON.parse(findText(error, "detail").split("\n")[0] || "{}") as typeof detail;
    } catch {
      detail = {};
    }
    const message =
      detail.minutes != null && detail.limit != null
        ? `Over the weekly limit: ${formatMinutes(detail.minutes)} scheduled in the week of ${detail.weekStart} (limit ${formatMinutes(detail.limit)})`
        : "Over this person's weekly limit";
    return new AppError("CONFLICT", message, { endsAt: [message] }, { week: detail.weekStart ?? null });
  }
  if (state === "23514" && findText(error, "message").includes("Shift_ends_after_start"))
    return new AppError("VALIDATION", "Ends before it starts", { endsAt: ["Ends before it starts"] });
  return null;
}

/** Runs a shift write; the database's refusals come back as field errors instead of a 500. */
export async function refusingShiftConflicts<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw shiftWriteError(error) ?? error;
  }
}
