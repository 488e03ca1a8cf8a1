// The punch rules live in the database (docs/adr/0019); this reads which one a write broke.
import { AppError } from "../errors";

const PUNCH_CONSTRAINTS = [
  "TimePunch_one_open_per_user",
  "TimePunch_no_overlap",
  "TimePunch_out_after_in",
  "TimeBreak_one_open_per_punch",
  "TimeBreak_end_after_start",
] as const;
export type PunchConstraint = (typeof PUNCH_CONSTRAINTS)[number];

/** The punch constraint a database error names, however the driver adapter wrapped it; else null. */
export function violatedPunchConstraint(error: unknown): PunchConstraint | null {
  const seen = new Set<unknown>();
  const texts: string[] = [];
  const walk = (e: unknown, depth: number) => {
    if (depth > 6 || !e || seen.has(e)) return;
    if (typeof e === "string") return void texts.push(e);
    if (typeof e !== "object") return;
    seen.add(e);
    if (e instanceof Error) texts.push(e.message);
    for (const v of Object.values(e as Record<string, unknown>)) walk(v, depth + 1);
    if (e instanceof Error) walk((e as { cause?: unknown }).cause, depth + 1);
  };
  walk(error, 0);
  const all = texts.join("\n");
  return PUNCH_CONSTRAINTS.find((name) => all.includes(name)) ?? null;
}

/** Runs a punch write; a broken punch rule becomes `messages[rule]` (or rethrows what it is not). */
export async function refusingBrokenRules<T>(
  write: () => Promise<T>,
  messages: Partial<Record<PunchConstraint, AppError>>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const rule = violatedPunchConstraint(error);
    const mapped = rule ? messages[rule] : undefined;
    if (mapped) throw mapped;
    throw error;
  }
}
