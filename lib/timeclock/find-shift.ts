import "server-only";
import type { Tx } from "../db";
import { businessDateOf, businessDayRange, type DayRules } from "../time/business-day";

/**
 * The published shift a punch at `at` belongs to: the person's shift at this location on the same
 * business day that has not ended yet and starts nearest to `at`; else the nearest one that day.
 */
export async function findShiftFor(
  tx: Tx,
  where: { locationId: string; userId: string },
  at: Date,
  rules: DayRules,
): Promise<{ id: string; startsAt: Date; endsAt: Date } | null> {
  const day = businessDayRange(businessDateOf(at, rules), rules);
  const shifts = await tx.shift.findMany({
    where: { ...where, publishedAt: { not: null }, startsAt: { gte: day.start, lt: day.end } },
    select: { id: true, startsAt: true, endsAt: true },
    orderBy: { startsAt: "asc" },
  });
  const distance = (s: { startsAt: Date }) => Math.abs(s.startsAt.getTime() - at.getTime());
  const pick = (list: typeof shifts) => list.sort((a, b) => distance(a) - distance(b))[0] ?? null;
  return pick(shifts.filter((s) => s.endsAt > at)) ?? pick(shifts);
}
