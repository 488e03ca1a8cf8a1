// Service periods of one location may not overlap on a weekday: a slot belongs to one period, so
// its pacing (covers and parties per slot) is never ambiguous. Pure; unit-tested.

export type PeriodHours = { id?: string; name: string; daysOfWeek: number[]; startMinute: number; endMinute: number };

export const WEEKDAY_SHORT = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** The first other period sharing a weekday whose hours overlap the candidate's (half-open), or null. */
export function overlappingPeriod<P extends PeriodHours>(
  others: readonly P[],
  candidate: PeriodHours,
): { period: P; days: number[] } | null {
  for (const p of others) {
    if (candidate.id && p.id === candidate.id) continue;
    const days = p.daysOfWeek.filter((d) => candidate.daysOfWeek.includes(d));
    if (days.length && p.startMinute < candidate.endMinute && candidate.startMinute < p.endMinute)
      return { period: p, days: [...days].sort((a, b) => a - b) };
  }
  return null;
}

export function overlapMessage(hit: { period: PeriodHours; days: number[] }): string {
  return `Overlaps ${hit.period.name} on ${hit.days.map((d) => WEEKDAY_SHORT[d]).join(", ")}`;
}
